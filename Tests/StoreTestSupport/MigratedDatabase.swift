public import LibPQ
public import PGTestSupport
public import Testing
import VettingStore

/// A scratch database with every embedded migration applied, shared by the tests of one suite.
///
/// Put `.migratedDatabase` on a suite: the database is created and migrated once before the suite's
/// first test and dropped after its last; tests reach it through ``current``. Tests of one suite
/// run in parallel on it, so each test writes rows of its own (fresh ids, unique values) and never
/// depends on what another test wrote.
public struct MigratedDatabase: SuiteTrait, TestScoping {
  @TaskLocal static var scratch: ScratchDatabase?

  public init() {}

  /// The suite's database.
  public static var current: ScratchDatabase {
    get throws {
      guard let scratch else {
        throw TestDatabaseError("this suite is missing the .migratedDatabase trait")
      }
      return scratch
    }
  }

  /// Connects to the suite's database, runs `body`, and closes the connection.
  public static func withConnection<T>(_ body: (Connection) async throws -> T) async throws -> T {
    let connection = try await current.connect()
    do {
      let value = try await body(connection)
      await connection.close()
      return value
    } catch {
      await connection.close()
      throw error
    }
  }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    try await TestDatabase.withScratchDatabase(label: test.name) { database in
      let connection = try await database.connect()
      do {
        try await MigrationRunner().migrate(on: connection)
        await connection.close()
      } catch {
        await connection.close()
        throw error
      }
      try await Self.$scratch.withValue(database) {
        try await function()
      }
    }
  }
}

extension Trait where Self == MigratedDatabase {
  /// Gives the suite one freshly migrated scratch database (see ``MigratedDatabase``).
  public static var migratedDatabase: Self { Self() }
}
