/// How serious a red flag is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Disqualifying whatever the points: the provider is placed in the lowest tier.
  case critical
  /// Serious: caps the tier (see ``TierPolicy``).
  case major
  /// Worth knowing; reported but does not cap the tier.
  case minor

  var rank: Int {
    switch self {
    case .critical: return 0
    case .major: return 1
    case .minor: return 2
    }
  }

  /// Critical sorts first.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
