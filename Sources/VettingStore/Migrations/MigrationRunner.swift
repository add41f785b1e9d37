import Foundation
import LibPQ

/// Applies a ``MigrationCatalog`` to a database and records what it applied in
/// `schema_migrations`.
///
/// - Each pending migration runs in its own transaction together with its `schema_migrations` row:
///   a migration that fails is rolled back entirely, is not recorded, and stops the run.
/// - Before applying anything, the applied migrations are checked against the catalog: a file that
///   changed after it was applied, a version the catalog does not know (the database is newer than
///   this build) and a pending file numbered below an applied one are refused, naming the file.
/// - Runners on several connections or processes are serialised with a session-level advisory
///   lock, so two servers started with `--migrate` apply each migration once.
/// - Running again when everything is applied changes nothing.
///
/// ```swift
/// let connection = try await Connection.connect(to: databaseURL)
/// let report = try await MigrationRunner().migrate(on: connection)
/// print("schema at version \(report.version), applied \(report.applied.count)")
/// ```
public struct MigrationRunner: Sendable {
  /// The key of the advisory lock that serialises runners (`pg_advisory_lock(bigint)`): the bytes
  /// of "vetting" followed by 1. Anything else taking this lock blocks migrations.
  public static let advisoryLockKey: Int64 = 0x7665_7474_696E_6701

  /// The migrations this runner applies.
  public let catalog: MigrationCatalog

  /// Creates a runner for a catalog; by default the migrations embedded in this build.
  public init(catalog: MigrationCatalog = .embedded) {
    self.catalog = catalog
  }

  /// Applies every pending migration, in order.
  ///
  /// The connection must not be inside a transaction. It waits while another runner holds the
  /// migration lock.
  ///
  /// - Returns: what was applied now and what had been applied before.
  /// - Throws: ``MigrationError`` (`checksumMismatch`, `unknownAppliedMigration`, `outOfOrder`,
  ///   `migrationFailed`, `database`); `CancellationError` when the task was cancelled (the
  ///   migration in progress is rolled back).
  @discardableResult
  public func migrate(on connection: Connection) async throws -> MigrationReport {
    try await withMigrationLock(on: connection) {
      try await createBookkeepingTable(on: connection)
      let applied = try await readApplied(on: connection)
      let pending = try check(applied: applied)
      var done: [AppliedMigration] = []
      for migration in pending {
        done.append(try await apply(migration, on: connection))
      }
      return MigrationReport(applied: done, alreadyApplied: applied)
    }
  }

  /// The migrations the database records as applied, in version order (empty when it was never
  /// migrated). Does not take the migration lock.
  public func appliedMigrations(on connection: Connection) async throws -> [AppliedMigration] {
    let exists = try await database("look for schema_migrations") {
      try await connection.query("select to_regclass('schema_migrations') is not null")
        .singleRow()?.decode(Bool.self, at: 0) ?? false
    }
    return exists ? try await readApplied(on: connection) : []
  }

  /// The catalog's migrations the database has not applied yet, in order, after the same checks
  /// as ``migrate(on:)``. Does not take the migration lock.
  public func pendingMigrations(on connection: Connection) async throws -> [Migration] {
    try check(applied: try await appliedMigrations(on: connection))
  }

  // MARK: Steps

  private func withMigrationLock<T: Sendable>(
    on connection: Connection, _ body: () async throws -> T
  ) async throws -> T {
    _ = try await database("take the migration lock (pg_advisory_lock)") {
      try await connection.query("select pg_advisory_lock($1)", [Self.advisoryLockKey])
    }
    do {
      let value = try await body()
      await unlock(connection)
      return value
    } catch {
      await unlock(connection)
      throw error
    }
  }

  private func unlock(_ connection: Connection) async {
    // In a task of its own so that it runs even when the caller's task was cancelled; if it
    // fails the connection is broken, and the session lock went with it.
    await Task {
      _ = try? await connection.query("select pg_advisory_unlock($1)", [Self.advisoryLockKey])
    }.value
  }

  private func createBookkeepingTable(on connection: Connection) async throws {
    try await database("create schema_migrations") {
      try await connection.executeTrustedScript(
        """
        create table if not exists schema_migrations (
          version integer primary key
            constraint schema_migrations_version_positive check (version >= 1),
          name text not null,
          checksum text not null
            constraint schema_migrations_checksum_format check (checksum ~ '^[0-9a-f]{64}$'),
          applied_at timestamptz not null default now(),
          duration_ms integer not null default 0
            constraint schema_migrations_duration_positive check (duration_ms >= 0)
        );
        comment on table schema_migrations is
          'Written by VettingStore.MigrationRunner: one row per applied sql/migrations file.';
        """)
    }
  }

  private func readApplied(on connection: Connection) async throws -> [AppliedMigration] {
    try await database("read schema_migrations") {
      try await connection.query(
        "select version, name, checksum, applied_at, duration_ms from schema_migrations"
          + " order by version"
      ).map { row in
        let (version, name, checksum, appliedAt, duration) = try row.decode(
          (Int, String, String, Date, Int).self)
        return AppliedMigration(
          version: version, name: name, checksum: checksum, appliedAt: appliedAt,
          durationMilliseconds: duration)
      }
    }
  }

  /// Checks the applied migrations against the catalog and returns the pending ones.
  private func check(applied: [AppliedMigration]) throws(MigrationError) -> [Migration] {
    let known = Dictionary(uniqueKeysWithValues: catalog.migrations.map { ($0.version, $0) })
    for record in applied {
      guard let migration = known[record.version] else {
        throw MigrationError(
          code: .unknownAppliedMigration,
          message: "the database has migration \(Self.number(record.version))_\(record.name).sql"
            + " applied, which this build does not have: the database was migrated by a newer"
            + " version of the program; run that version (or add the file back)",
          fileName: "\(Self.number(record.version))_\(record.name).sql"
        )
      }
      guard migration.checksum == record.checksum else {
        throw MigrationError(
          code: .checksumMismatch,
          message: "\(migration.fileName) was changed after it was applied on \(record.appliedAt)"
            + " (recorded SHA-256 \(record.checksum), file now \(migration.checksum));"
            + " nothing was applied. Applied migrations must not change: restore the file as it"
            + " was and put the change in a new migration",
          fileName: migration.fileName
        )
      }
    }
    let appliedVersions = Set(applied.map(\.version))
    let latestApplied = applied.last?.version ?? 0
    let pending = catalog.migrations.filter { !appliedVersions.contains($0.version) }
    if let early = pending.first, early.version < latestApplied {
      throw MigrationError(
        code: .outOfOrder,
        message: "\(early.fileName) is not applied but the database is already at version"
          + " \(latestApplied); nothing was applied. Renumber it after"
          + " \(Self.number(catalog.latestVersion)) so it runs last",
        fileName: early.fileName
      )
    }
    return pending
  }

  private func apply(
    _ migration: Migration, on connection: Connection
  ) async throws -> AppliedMigration {
    do {
      return try await connection.transaction { tx in
        let transactionID = try await Self.transactionID(tx)
        try await tx.executeTrustedScript(migration.sql)
        guard try await Self.transactionID(tx) == transactionID else {
          throw MigrationError(
            code: .migrationFailed,
            message: "\(migration.fileName) ended the runner's transaction (it contains COMMIT,"
              + " ROLLBACK or BEGIN); part of it may be committed. Remove the transaction control"
              + " statements, check the schema by hand, then run again",
            fileName: migration.fileName
          )
        }
        guard
          let row = try await tx.query(
            """
            insert into schema_migrations (version, name, checksum, duration_ms)
            values ($1, $2, $3, (extract(epoch from clock_timestamp() - now()) * 1000)::integer)
            returning applied_at, duration_ms
            """,
            [migration.version, migration.name, migration.checksum]
          ).singleRow()
        else {
          throw PostgresError(code: .decoding, message: "insert … returning gave no row")
        }
        let (appliedAt, duration) = try row.decode((Date, Int).self)
        return AppliedMigration(
          version: migration.version, name: migration.name, checksum: migration.checksum,
          appliedAt: appliedAt, durationMilliseconds: duration)
      }
    } catch let error as PostgresError {
      throw MigrationError(
        code: .migrationFailed,
        message: "\(migration.fileName) failed and was rolled back (nothing of it is applied,"
          + " later migrations were not attempted): \(error.message)",
        fileName: migration.fileName,
        underlying: error
      )
    }
  }

  // MARK: Helpers

  /// The current transaction's id; it changes when a script commits or rolls back the transaction
  /// it was given.
  private static func transactionID(_ connection: Connection) async throws -> String {
    try await connection.query("select pg_current_xact_id()::text").singleRow()?
      .decode(String.self, at: 0) ?? ""
  }

  /// Runs a bookkeeping step, turning a database error into a ``MigrationError`` that says which
  /// step failed.
  private func database<T>(
    _ step: String, _ body: () async throws -> T
  ) async throws -> T {
    do {
      return try await body()
    } catch let error as PostgresError {
      throw MigrationError(
        code: .database, message: "could not \(step): \(error.message)", underlying: error)
    }
  }

  private static func number(_ version: Int) -> String {
    let digits = String(version)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
