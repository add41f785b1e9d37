import VettingCore

/// A life-support certificate (ACLS, BLS, PALS) as staff submit it.
public struct CertificateInput: Sendable, Hashable {
  /// ACLS, BLS or PALS.
  public var kind: CertificationKind
  /// When it was issued.
  public var issuedOn: Day?
  /// When it lapses (they run two years).
  public var expiresOn: Day?
  /// Where the facts come from.
  public var provenance: Provenance
  /// Who verified it; required for a verified provenance.
  public var verifiedBy: String?

  /// Creates a certificate.
  public init(
    kind: CertificationKind, issuedOn: Day? = nil, expiresOn: Day? = nil,
    provenance: Provenance = .selfReported, verifiedBy: String? = nil
  ) {
    self.kind = kind
    self.issuedOn = issuedOn
    self.expiresOn = expiresOn
    self.provenance = provenance
    self.verifiedBy = verifiedBy
  }
}
