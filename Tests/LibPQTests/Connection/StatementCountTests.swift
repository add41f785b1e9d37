import LibPQ
import PGTestSupport
import Testing

/// `Connection.statementCount`: one per statement sent, transaction control included, failures
/// included, health checks not.
@Suite("Connection statement count")
struct StatementCountTests {
  @Test func countsEveryStatementSent() async throws {
    let connection = try await Connection.connect(to: try TestDatabase.configuration())
    do {
      #expect(connection.statementCount == 0)
      try await connection.query("SELECT 1")
      try await connection.execute("SELECT $1::int", [2])
      #expect(connection.statementCount == 2)
      try await connection.transaction { tx in
        try await tx.query("SELECT 3")
        try await tx.transaction { nested in try await nested.query("SELECT 4") }
      }
      // BEGIN, SELECT 3, SAVEPOINT, SELECT 4, RELEASE SAVEPOINT, COMMIT.
      #expect(connection.statementCount == 8)
      await #expect(throws: PostgresError.self) { try await connection.query("SELECT nope") }
      try await connection.executeTrustedScript("SELECT 5; SELECT 6;")
      #expect(connection.statementCount == 10)
      #expect(await connection.ping())
      #expect(await connection.checkHealth())
      #expect(connection.statementCount == 10, "health checks are not counted")
      await connection.close()
    } catch {
      await connection.close()
      throw error
    }
  }
}
