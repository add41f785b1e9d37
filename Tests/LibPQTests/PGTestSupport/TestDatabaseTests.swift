import LibPQ
import PGTestSupport
import Testing

/// The helpers every storage suite relies on.
@Suite("PGTestSupport")
struct TestDatabaseTests {
  @Test func missingURLFailsLoudlyWithTheFix() throws {
    let error = try #require(throws: TestDatabaseError.self) {
      try TestDatabase.url(environment: [:])
    }
    #expect(error.code == .notConfigured)
    #expect(error.message.contains("VETTING_TEST_DATABASE_URL"))
    #expect(error.message.contains("ops/test") && error.message.contains("ops/db start"))
  }

  @Test func unreachableDatabaseFailsLoudlyWithTheFix() async throws {
    var configuration = try TestDatabase.configuration()
    configuration.port = try unusedPort()
    let error = try await #require(throws: TestDatabaseError.self) {
      try await TestDatabase.connect(configuration)
    }
    #expect(error.code == .unreachable)
    #expect(error.message.contains("unreachable") && error.message.contains("ops/db start"))
  }

  @Test func scratchDatabasesAreIsolatedAndDropped() async throws {
    let first = try await TestDatabase.makeScratchDatabase(label: "Isolation Test!")
    let second = try await TestDatabase.makeScratchDatabase(label: "Isolation Test!")
    #expect(first.name != second.name)
    #expect(first.name.hasPrefix("scratch_isolation_test_"))

    let a = try await first.connect()
    try await a.execute("CREATE TABLE only_here (n int4)")
    // Extensions come from template1.
    let distance = try await a.query(
      "SELECT earth_distance(ll_to_earth(42.7, -84.5), ll_to_earth(42.7, -84.5))")
    #expect(try distance[0].decode(Double.self, at: 0) == 0)
    await a.close()

    let b = try await second.connect()
    let error = try await #require(throws: PostgresError.self) {
      try await b.query("SELECT * FROM only_here")
    }
    #expect(error.sqlState == .undefinedTable)
    await b.close()

    // A still-connected session does not prevent the drop.
    let lingering = try await first.connect()
    try await first.drop()
    try await second.drop()
    let admin = try await TestDatabase.connect()
    let left = try await admin.query(
      "SELECT count(*) FROM pg_database WHERE datname IN ($1, $2)", [first.name, second.name])
    #expect(try left[0].decode(Int.self, at: 0) == 0)
    await admin.close()
    let afterDrop = try? await lingering.query("SELECT 1")
    #expect(afterDrop == nil)
    await lingering.close()
  }

  @Test func withScratchDatabaseDropsEvenWhenTheBodyThrows() async throws {
    struct Failure: Error {}
    var name = ""
    await #expect(throws: Failure.self) {
      try await TestDatabase.withScratchDatabase(label: "throws") { database in
        name = database.name
        #expect(!name.isEmpty)
        let connection = try await Connection.connect(to: database.url)
        await connection.close()
        throw Failure()
      }
    }
    let admin = try await TestDatabase.connect()
    let left = try await admin.query("SELECT count(*) FROM pg_database WHERE datname = $1", [name])
    #expect(try left[0].decode(Int.self, at: 0) == 0)
    await admin.close()
  }
}
