/// A working relationship with a partner outside the provider's own team.
public struct Affiliation: Sendable, Hashable, Codable {
  /// The partner's name.
  public var partnerName: String
  /// The partner's NPI, if known.
  public var partnerNPI: String?
  /// What the partner does.
  public var role: AffiliationRole
  /// Where the affiliation facts come from (agreement on file, confirmed with the partner...).
  public var provenance: Provenance
  /// When the agreement lapses.
  public var expires: Day?

  /// Creates an affiliation.
  public init(
    partnerName: String, partnerNPI: String? = nil, role: AffiliationRole,
    provenance: Provenance, expires: Day? = nil
  ) {
    self.partnerName = partnerName
    self.partnerNPI = partnerNPI
    self.role = role
    self.provenance = provenance
    self.expires = expires
  }
}
