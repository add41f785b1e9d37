/// A state license to practise.
public struct License: Sendable, Hashable, Codable {
  /// Two-letter state code, e.g. "MI".
  public var state: String
  /// License type, e.g. "MD", "NP", "LMFT", "LPC", "PsyD".
  public var type: String
  /// The board's license number.
  public var number: String
  /// Standing with the board.
  public var status: LicenseStatus
  /// Where the license facts come from.
  public var provenance: Provenance
  /// The license's expiry date.
  public var expires: Day?

  /// Creates a license record.
  public init(
    state: String, type: String, number: String, status: LicenseStatus,
    provenance: Provenance, expires: Day? = nil
  ) {
    self.state = state
    self.type = type
    self.number = number
    self.status = status
    self.provenance = provenance
    self.expires = expires
  }
}
