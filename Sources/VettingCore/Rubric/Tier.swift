/// The directory's verdict on a provider, best first.
public enum Tier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Meets the guidelines with strong, verified evidence and no serious concerns.
  case recommended
  /// Meets the guidelines well enough to be listed as vetted.
  case vetted
  /// Listed with conditions: gaps in practice or evidence an auditor should follow up.
  case conditional
  /// Not judged yet: the evidence on file does not reach `conditional`, but the open items
  /// (facts not on record, or lapsed) could. Only rubrics whose ``TierPolicy`` separates
  /// incomplete files (2026.2 on) give it; see ``Completeness``.
  case incomplete
  /// Not vetted: judged and failing, or a critical red flag.
  case notVetted = "not-vetted"

  var rank: Int {
    switch self {
    case .recommended: return 0
    case .vetted: return 1
    case .conditional: return 2
    case .incomplete: return 3
    case .notVetted: return 4
    }
  }

  /// The lowest tier: where any critical flag puts a provider.
  public static let lowest = Tier.notVetted

  /// Better tiers sort first.
  public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }
}
