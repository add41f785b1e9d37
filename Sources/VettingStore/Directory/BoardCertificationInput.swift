import VettingCore

/// A board certification as staff submit it (e.g. ABPN, psychiatry).
public struct BoardCertificationInput: Sendable, Hashable {
  /// The certifying board ("ABPN", "ABA", "ABEM"; 1–200 characters).
  public var board: String
  /// The specialty certified.
  public var specialty: Discipline
  /// When it was granted.
  public var certifiedOn: Day?
  /// When it lapses.
  public var expiresOn: Day?
  /// Where the facts come from.
  public var provenance: Provenance
  /// Who verified it; required for a verified provenance.
  public var verifiedBy: String?

  /// Creates a board certification.
  public init(
    board: String, specialty: Discipline, certifiedOn: Day? = nil, expiresOn: Day? = nil,
    provenance: Provenance = .selfReported, verifiedBy: String? = nil
  ) {
    self.board = board
    self.specialty = specialty
    self.certifiedOn = certifiedOn
    self.expiresOn = expiresOn
    self.provenance = provenance
    self.verifiedBy = verifiedBy
  }
}
