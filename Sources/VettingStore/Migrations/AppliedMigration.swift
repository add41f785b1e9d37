import Foundation

/// A row of `schema_migrations`: a migration the database has applied.
public struct AppliedMigration: Sendable, Hashable {
  /// The migration's version.
  public var version: Int
  /// The migration's name (the file name without number and `.sql`).
  public var name: String
  /// Lower-case hex SHA-256 of the file as it was applied.
  public var checksum: String
  /// When its transaction ran.
  public var appliedAt: Date
  /// How long its transaction took, in milliseconds.
  public var durationMilliseconds: Int

  /// Creates a record; the runner reads these from `schema_migrations`.
  public init(
    version: Int, name: String, checksum: String, appliedAt: Date, durationMilliseconds: Int
  ) {
    self.version = version
    self.name = name
    self.checksum = checksum
    self.appliedAt = appliedAt
    self.durationMilliseconds = durationMilliseconds
  }
}
