/// A life-support certificate held by a practitioner.
public struct Certification: Sendable, Hashable, Codable {
  /// ACLS or BLS.
  public var kind: CertificationKind
  /// Where the certificate facts come from.
  public var provenance: Provenance
  /// The certificate's expiry (they lapse after two years).
  public var expires: Day?

  /// Creates a certificate record.
  public init(kind: CertificationKind, provenance: Provenance, expires: Day? = nil) {
    self.kind = kind
    self.provenance = provenance
    self.expires = expires
  }
}
