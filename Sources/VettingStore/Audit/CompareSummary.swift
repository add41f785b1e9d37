import Foundation

/// The totals of a comparison, over exactly the changes it sent.
public struct CompareSummary: Sendable, Hashable {
  /// The earlier instant.
  public var from: Date
  /// The later instant.
  public var to: Date
  /// Changes sent.
  public var changes = 0
  /// Providers in a better tier.
  public var upgraded = 0
  /// Providers in a worse tier.
  public var downgraded = 0
  /// Providers first assessed between the instants.
  public var firstAssessed = 0
  /// Providers that gained at least one flag.
  public var gainedFlag = 0
  /// Providers that lost at least one flag.
  public var lostFlag = 0
  /// Providers with at least one flag whose severity changed (a rubric move).
  public var severityChanged = 0

  /// Empty totals for a comparison from `from` to `to`.
  public init(from: Date, to: Date) {
    self.from = from
    self.to = to
  }

  /// Counts one change.
  public mutating func add(_ change: AssessmentChange) {
    changes += 1
    switch change.tierChange {
    case .upgraded: upgraded += 1
    case .downgraded: downgraded += 1
    case .firstAssessed: firstAssessed += 1
    case .unchanged: break
    }
    if !change.gainedFlags.isEmpty { gainedFlag += 1 }
    if !change.lostFlags.isEmpty { lostFlag += 1 }
    if !change.severityChanges.isEmpty { severityChanged += 1 }
  }
}
