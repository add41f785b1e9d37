/// What a ``MigrationRunner/migrate(on:)`` call did.
public struct MigrationReport: Sendable, Hashable {
  /// Migrations this call applied, in order (empty when the database was current).
  public var applied: [AppliedMigration]
  /// Migrations that were already applied before this call, in order.
  public var alreadyApplied: [AppliedMigration]

  /// Creates a report.
  public init(applied: [AppliedMigration], alreadyApplied: [AppliedMigration]) {
    self.applied = applied
    self.alreadyApplied = alreadyApplied
  }

  /// The database's schema version after the call (0 when nothing was ever applied).
  public var version: Int {
    max(applied.last?.version ?? 0, alreadyApplied.last?.version ?? 0)
  }
}
