/// A life-support certificate held by a practitioner.
public struct Certification: Sendable, Hashable, Codable {
  /// ACLS, BLS or PALS.
  public var kind: CertificationKind
  /// When it was issued, if known.
  public var issued: Day?
  /// Where the certificate facts come from.
  public var provenance: Provenance
  /// The certificate's expiry (they lapse after two years).
  public var expires: Day?

  /// Creates a certificate record.
  public init(
    kind: CertificationKind, provenance: Provenance, expires: Day? = nil, issued: Day? = nil
  ) {
    self.kind = kind
    self.issued = issued
    self.provenance = provenance
    self.expires = expires
  }
}
