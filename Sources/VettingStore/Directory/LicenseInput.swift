import VettingCore

/// A practitioner's state license, as staff submit it.
public struct LicenseInput: Sendable, Hashable {
  /// USPS state code.
  public var state: String
  /// License type, e.g. "MD", "LMFT" (1–50 characters); "DEA" for a controlled-substance
  /// registration.
  public var type: String
  /// The board's number (1–100 characters).
  public var number: String
  /// Standing with the board.
  public var status: LicenseStatus
  /// Where the facts come from; verified licenses earn full credit.
  public var provenance: Provenance
  /// Issue date.
  public var issuedOn: Day?
  /// Expiry date (not before the issue date).
  public var expiresOn: Day?
  /// Who verified it, required for `verifiedByStaff` and `publicRegistry` provenance.
  public var verifiedBy: String?

  /// Creates a license.
  public init(
    state: String, type: String, number: String, status: LicenseStatus,
    provenance: Provenance = .selfReported, issuedOn: Day? = nil, expiresOn: Day? = nil,
    verifiedBy: String? = nil
  ) {
    self.state = state
    self.type = type
    self.number = number
    self.status = status
    self.provenance = provenance
    self.issuedOn = issuedOn
    self.expiresOn = expiresOn
    self.verifiedBy = verifiedBy
  }
}
