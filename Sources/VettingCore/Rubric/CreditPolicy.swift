/// How much of a criterion's points a piece of evidence earns, by provenance.
///
/// Expired evidence earns nothing. Percentages are integers so scores are exact and reproducible.
public struct CreditPolicy: Sendable, Hashable, Codable {
  /// Percent of the points earned by self-reported facts.
  public var selfReported: UInt8
  /// Percent earned by a document on file that staff have not checked.
  public var documentOnFile: UInt8
  /// Percent earned by facts staff verified.
  public var verifiedByStaff: UInt8
  /// Percent earned by facts read from a public registry.
  public var publicRegistry: UInt8

  /// Creates a policy.
  public init(
    selfReported: UInt8, documentOnFile: UInt8, verifiedByStaff: UInt8, publicRegistry: UInt8
  ) {
    self.selfReported = selfReported
    self.documentOnFile = documentOnFile
    self.verifiedByStaff = verifiedByStaff
    self.publicRegistry = publicRegistry
  }

  /// The percent credit for evidence of `provenance`.
  @inlinable
  public func percent(for provenance: Provenance) -> UInt8 {
    switch provenance {
    case .selfReported: return selfReported
    case .documentOnFile: return documentOnFile
    case .verifiedByStaff: return verifiedByStaff
    case .publicRegistry: return publicRegistry
    }
  }
}
