import Foundation
import LibPQ
import PGTestSupport
import Testing
import VettingStore

@Suite("Migration runner (real PostgreSQL, one scratch database per test)")
struct MigrationRunnerTests {
  /// The tables the schema must have, besides `schema_migrations`.
  static let schemaTables = [
    "affiliations", "api_tokens", "assessments", "audit_chain_head", "audit_log",
    "board_certifications", "certificates", "clinics", "evidence_items", "licenses",
    "listing_names", "listing_places", "listing_refresh_queue", "locations", "partners",
    "practice_profiles", "practitioners", "provider_listings", "providers", "trainings",
    "zip_centroids",
  ]

  @Test("a fresh database gets every table, and every migration is recorded with its checksum")
  func freshApply() async throws {
    try await FreshDatabase.withConnection(label: "fresh_apply") { _, connection in
      let catalog = MigrationCatalog.embedded
      let report = try await MigrationRunner(catalog: catalog).migrate(on: connection)

      #expect(report.alreadyApplied.isEmpty)
      #expect(report.applied.map(\.version) == catalog.migrations.map(\.version))
      #expect(report.version == catalog.latestVersion)
      #expect(
        try await connection.publicTables() == (Self.schemaTables + ["schema_migrations"]).sorted())

      let recorded = try await connection.query(
        "select version, name, checksum from schema_migrations order by version"
      ).map { try $0.decode((Int, String, String).self) }
      #expect(recorded.map(\.0) == catalog.migrations.map(\.version))
      #expect(recorded.map(\.1) == catalog.migrations.map(\.name))
      #expect(recorded.map(\.2) == catalog.migrations.map(\.checksum))
    }
  }

  @Test("running again applies nothing and changes nothing")
  func idempotentRerun() async throws {
    try await FreshDatabase.withConnection(label: "rerun") { _, connection in
      let runner = MigrationRunner()
      let first = try await runner.migrate(on: connection)
      let before = try await connection.query(
        "select version, checksum, applied_at from schema_migrations order by version"
      ).map { try $0.decode((Int, String, Date).self) }
      let objectsBefore = try await Self.objectCount(connection)

      let second = try await runner.migrate(on: connection)
      let after = try await connection.query(
        "select version, checksum, applied_at from schema_migrations order by version"
      ).map { try $0.decode((Int, String, Date).self) }

      #expect(second.applied.isEmpty)
      #expect(second.alreadyApplied == first.applied)
      #expect(after.map(\.0) == before.map(\.0))
      #expect(after.map(\.1) == before.map(\.1))
      #expect(after.map(\.2) == before.map(\.2))
      #expect(try await Self.objectCount(connection) == objectsBefore)
      #expect(try await runner.pendingMigrations(on: connection).isEmpty)
    }
  }

  @Test("an applied file that changed is refused, naming it, and nothing after it is applied")
  func changedChecksumRefused() async throws {
    try await FreshDatabase.withConnection(label: "checksum") { _, connection in
      let files = MigrationCatalog.embeddedFiles
      try await MigrationRunner(catalog: MigrationCatalog(files: Array(files.prefix(2))))
        .migrate(on: connection)

      var edited = files
      edited[1].sql += "\ncreate table sneaky_edit (id int);\n"
      let runner = MigrationRunner(catalog: try MigrationCatalog(files: edited))
      await #expect {
        try await runner.migrate(on: connection)
      } throws: { error in
        guard let error = error as? MigrationError else { return false }
        return error.code == .checksumMismatch && error.fileName == files[1].fileName
          && error.message.contains(files[1].fileName)
          && error.message.contains("new migration")
      }
      #expect(try await connection.recordedVersions() == [1, 2])
      #expect(try await !connection.tableExists("sneaky_edit"))
      // 0003 creates evidence_items: it must not have run after the refusal.
      #expect(try await !connection.tableExists("evidence_items"))
    }
  }

  @Test("a failing migration rolls back entirely, is not recorded, and stops the run")
  func failingMigrationRollsBack() async throws {
    try await FreshDatabase.withConnection(label: "failing") { _, connection in
      let good = MigrationFile(fileName: "0001_good.sql", sql: "create table first_table (id int);")
      let bad = MigrationFile(
        fileName: "0002_bad.sql",
        sql: """
          create table half_done (id int primary key);
          insert into half_done values (1);
          insert into half_done values (1);
          """)
      let later = MigrationFile(
        fileName: "0003_later.sql", sql: "create table later_table (id int);")

      let runner = MigrationRunner(catalog: try MigrationCatalog(files: [good, bad, later]))
      var failure: MigrationError?
      do {
        try await runner.migrate(on: connection)
        Issue.record("the run should have failed on 0002_bad.sql")
      } catch let error as MigrationError {
        failure = error
      }
      #expect(failure?.code == .migrationFailed)
      #expect(failure?.fileName == "0002_bad.sql")
      #expect(failure?.message.contains("0002_bad.sql") == true)
      #expect(failure?.underlying?.sqlState == .uniqueViolation)

      #expect(try await connection.recordedVersions() == [1])
      #expect(try await connection.tableExists("first_table"))
      #expect(try await !connection.tableExists("half_done"))
      #expect(try await !connection.tableExists("later_table"))

      // The connection is usable and the lock was released: a fixed file goes through.
      let fixed = MigrationFile(
        fileName: "0002_bad.sql", sql: "create table half_done (id int primary key);")
      let report = try await MigrationRunner(
        catalog: try MigrationCatalog(files: [good, fixed, later])
      ).migrate(on: connection)
      #expect(report.applied.map(\.version) == [2, 3])
      #expect(try await connection.recordedVersions() == [1, 2, 3])
    }
  }

  @Test("a file that commits the runner's transaction is reported, not recorded")
  func transactionControlInFileDetected() async throws {
    try await FreshDatabase.withConnection(label: "commit_in_file") { _, connection in
      let file = MigrationFile(
        fileName: "0001_commits.sql", sql: "create table t (id int); commit; select 1;")
      await #expect {
        try await MigrationRunner(catalog: try MigrationCatalog(files: [file]))
          .migrate(on: connection)
      } throws: { error in
        (error as? MigrationError)?.code == .migrationFailed
          && (error as? MigrationError)?.message.contains("COMMIT") == true
      }
      let recorded = try await connection.recordedVersions()
      #expect(recorded.isEmpty)
    }
  }

  @Test("a database migrated by a newer build is refused")
  func unknownAppliedRefused() async throws {
    try await FreshDatabase.withConnection(label: "newer_db") { _, connection in
      let one = MigrationFile(fileName: "0001_one.sql", sql: "create table one (id int);")
      let two = MigrationFile(fileName: "0002_two.sql", sql: "create table two (id int);")
      try await MigrationRunner(catalog: try MigrationCatalog(files: [one, two]))
        .migrate(on: connection)

      await #expect {
        try await MigrationRunner(catalog: try MigrationCatalog(files: [one]))
          .migrate(on: connection)
      } throws: { error in
        let error = error as? MigrationError
        return error?.code == .unknownAppliedMigration && error?.fileName == "0002_two.sql"
      }
    }
  }

  @Test("a pending file numbered below an applied one is refused")
  func outOfOrderRefused() async throws {
    try await FreshDatabase.withConnection(label: "out_of_order") { _, connection in
      let one = MigrationFile(fileName: "0001_one.sql", sql: "create table one (id int);")
      let three = MigrationFile(fileName: "0003_three.sql", sql: "create table three (id int);")
      let two = MigrationFile(fileName: "0002_two.sql", sql: "create table two (id int);")
      try await MigrationRunner(catalog: try MigrationCatalog(files: [one, three]))
        .migrate(on: connection)

      await #expect {
        try await MigrationRunner(catalog: try MigrationCatalog(files: [one, two, three]))
          .migrate(on: connection)
      } throws: { error in
        let error = error as? MigrationError
        return error?.code == .outOfOrder && error?.fileName == "0002_two.sql"
      }
      #expect(try await !connection.tableExists("two"))
    }
  }

  @Test("concurrent runners are serialised: every migration is applied exactly once")
  func concurrentRunnersSerialised() async throws {
    try await TestDatabase.withScratchDatabase(label: "concurrent") { database in
      // The first migration is slow, so without the lock every runner would find it pending and
      // try to apply it at the same time.
      let catalog = try MigrationCatalog(files: [
        MigrationFile(
          fileName: "0001_slow.sql", sql: "select pg_sleep(0.5); create table slow_one (id int);"),
        MigrationFile(fileName: "0002_two.sql", sql: "create table two (id int);"),
      ])
      var connections: [Connection] = []
      for _ in 0..<4 { connections.append(try await database.connect()) }
      let reports = try await withThrowingTaskGroup(of: MigrationReport.self) { group in
        for connection in connections {
          group.addTask { try await MigrationRunner(catalog: catalog).migrate(on: connection) }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      let recorded = try await connections[0].recordedVersions()
      for connection in connections { await connection.close() }

      let appliedVersions = reports.flatMap { $0.applied.map(\.version) }.sorted()
      #expect(appliedVersions == [1, 2])
      #expect(reports.allSatisfy { $0.version == 2 })
      #expect(recorded == [1, 2])
    }
  }

  @Test("cancelling a run rolls back the migration in progress and releases the lock")
  func cancellationRollsBack() async throws {
    try await TestDatabase.withScratchDatabase(label: "cancel") { database in
      let slow = MigrationFile(
        fileName: "0001_slow.sql", sql: "create table slow_table (id int); select pg_sleep(30);")
      let catalog = try MigrationCatalog(files: [slow])
      let connection = try await database.connect()
      let run = Task { try await MigrationRunner(catalog: catalog).migrate(on: connection) }
      // Cancel once the migration is running (not after a fixed delay: on a loaded machine the
      // runner may not have reached it yet, and then there is nothing in progress to roll back).
      let watcher = try await database.connect()
      let sleeping =
        "select count(*) from pg_stat_activity where query like '%pg_sleep(30)%' "
        + "and pid <> pg_backend_pid()"
      let watchDeadline = ContinuousClock.now + .seconds(20)
      while try await watcher.query(sleeping).singleRow()!.decode(Int.self, at: 0) == 0,
        ContinuousClock.now < watchDeadline
      {
        try await Task.sleep(for: .milliseconds(20))
      }
      await watcher.close()
      let cancelledAt = ContinuousClock.now
      run.cancel()
      let outcome = await run.result
      let waited = ContinuousClock.now - cancelledAt
      await connection.close()

      #expect(throws: CancellationError.self) { try outcome.get() }
      #expect(waited < .seconds(10), "the run took \(waited) after cancellation")

      // Another runner gets the lock, finds nothing recorded and no half-made table.
      let other = try await database.connect()
      let recorded = try await other.recordedVersions()
      let leftover = try await other.tableExists("slow_table")
      let quick = MigrationFile(fileName: "0001_slow.sql", sql: "create table slow_table (id int);")
      let report = try await MigrationRunner(catalog: try MigrationCatalog(files: [quick]))
        .migrate(on: other)
      await other.close()
      #expect(recorded.isEmpty)
      #expect(!leftover)
      #expect(report.applied.map(\.version) == [1])
    }
  }

  @Test("migrations loaded from sql/migrations match what the embedded copy applied")
  func directoryCatalogAgreesWithEmbedded() async throws {
    try await FreshDatabase.withConnection(label: "directory") { _, connection in
      try await MigrationRunner().migrate(on: connection)
      let fromDirectory = try MigrationCatalog(directory: Repository.migrationsDirectory)
      let report = try await MigrationRunner(catalog: fromDirectory).migrate(on: connection)
      #expect(report.applied.isEmpty)
      #expect(report.alreadyApplied.count == fromDirectory.migrations.count)
    }
  }

  @Test("appliedMigrations is empty on a database that was never migrated")
  func appliedOnEmptyDatabase() async throws {
    try await FreshDatabase.withConnection(label: "never_migrated") { _, connection in
      let runner = MigrationRunner()
      let applied = try await runner.appliedMigrations(on: connection)
      let pending = try await runner.pendingMigrations(on: connection)
      #expect(applied.isEmpty)
      #expect(pending.map(\.version) == MigrationCatalog.embedded.migrations.map(\.version))
      #expect(try await !connection.tableExists("schema_migrations"))
    }
  }

  /// Tables, indexes, functions, triggers and constraints in the public schema: a change to the
  /// schema changes this number.
  static func objectCount(_ connection: Connection) async throws -> Int {
    try await connection.query(
      """
      select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public')
           + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'public')
           + (select count(*) from pg_trigger)
           + (select count(*) from pg_constraint)
      """
    ).singleRow()?.decode(Int.self, at: 0) ?? -1
  }
}
