import LibPQ
import PGTestSupport
import Testing

struct Boom: Error {}

/// Transactions commit on return, roll back on throw or cancellation, and nest with savepoints.
/// Each test gets its own scratch database, so rows are checked from a second connection.
@Suite("Transactions")
struct TransactionTests {
  private func withTable(
    _ body: (Connection, Connection) async throws -> Void
  ) async throws {
    try await TestDatabase.withScratchDatabase(label: "tx") { database async throws in
      let connection = try await database.connect()
      let observer = try await database.connect()
      do {
        try await connection.execute("CREATE TABLE item (name text PRIMARY KEY)")
        try await body(connection, observer)
      } catch {
        await connection.close()
        await observer.close()
        throw error
      }
      await connection.close()
      await observer.close()
    }
  }

  private func names(_ connection: Connection) async throws -> [String] {
    try await connection.query("SELECT name FROM item ORDER BY name").map {
      try $0.decode(String.self, at: 0)
    }
  }

  @Test func commitsWhenTheBodyReturns() async throws {
    try await withTable { connection, observer async throws in
      let value = try await connection.transaction { tx async throws in
        try await tx.execute("INSERT INTO item VALUES ($1)", ["kept"])
        #expect(try await names(observer) == [])
        return 42
      }
      #expect(value == 42)
      #expect(try await names(observer) == ["kept"])
    }
  }

  @Test func rollsBackWhenTheBodyThrows() async throws {
    try await withTable { connection, observer async throws in
      await #expect(throws: Boom.self) {
        try await connection.transaction { tx async throws in
          try await tx.execute("INSERT INTO item VALUES ($1)", ["gone"])
          throw Boom()
        }
      }
      #expect(try await names(observer) == [])
      #expect(try await names(connection) == [])
      // The connection is idle again and usable.
      try await connection.execute("INSERT INTO item VALUES ($1)", ["after"])
      #expect(try await names(observer) == ["after"])
    }
  }

  @Test func rollsBackWhenAStatementFails() async throws {
    try await withTable { connection, observer async throws in
      let error = try await #require(throws: PostgresError.self) {
        try await connection.transaction { tx async throws in
          try await tx.execute("INSERT INTO item VALUES ($1)", ["dup"])
          try await tx.execute("INSERT INTO item VALUES ($1)", ["dup"])
        }
      }
      #expect(error.sqlState == .uniqueViolation)
      #expect(try await names(observer) == [])
    }
  }

  @Test func rollsBackWhenTheTaskIsCancelled() async throws {
    try await withTable { connection, observer async throws in
      let task = Task {
        try await connection.transaction { tx async throws in
          try await tx.execute("INSERT INTO item VALUES ($1)", ["cancelled"])
          withUnsafeCurrentTask { $0?.cancel() }
          // The body returns normally; the cancelled task must still not commit.
        }
      }
      await #expect(throws: CancellationError.self) { try await task.value }
      #expect(try await names(observer) == [])
    }
  }

  @Test func rollsBackWhenCancelledDuringAStatement() async throws {
    try await withTable { connection, observer async throws in
      let task = Task {
        try await connection.transaction { tx async throws in
          try await tx.execute("INSERT INTO item VALUES ($1)", ["slow"])
          try await tx.query("SELECT pg_sleep(30)")
        }
      }
      try await waitUntilActive(pid: connection.backendPID, on: observer)
      task.cancel()
      await #expect(throws: CancellationError.self) { try await task.value }
      #expect(try await names(observer) == [])
      #expect(try await names(connection) == [])
    }
  }

  @Test func nestedTransactionsUseSavepoints() async throws {
    try await withTable { connection, observer async throws in
      try await connection.transaction { outer async throws in
        try await outer.execute("INSERT INTO item VALUES ($1)", ["outer"])
        await #expect(throws: Boom.self) {
          try await outer.transaction { inner async throws in
            try await inner.execute("INSERT INTO item VALUES ($1)", ["inner-rolled-back"])
            throw Boom()
          }
        }
        try await outer.transaction { inner async throws in
          try await inner.execute("INSERT INTO item VALUES ($1)", ["inner-kept"])
        }
        // Nothing is visible outside before the outermost commit.
        #expect(try await names(observer) == [])
      }
      #expect(try await names(observer) == ["inner-kept", "outer"])
    }
  }

  @Test func aFailedInnerStatementDoesNotPoisonTheOuterTransaction() async throws {
    try await withTable { connection, observer async throws in
      try await connection.transaction { outer async throws in
        try await outer.execute("INSERT INTO item VALUES ($1)", ["a"])
        let error = try await #require(throws: PostgresError.self) {
          try await outer.transaction { inner async throws in
            try await inner.execute("INSERT INTO item VALUES ($1)", ["a"])
          }
        }
        #expect(error.sqlState == .uniqueViolation)
        try await outer.execute("INSERT INTO item VALUES ($1)", ["b"])
      }
      #expect(try await names(observer) == ["a", "b"])
    }
  }

  @Test func nestedIsolationLevelIsRefusedClearly() async throws {
    try await withTable { connection, observer async throws in
      await #expect(throws: PostgresError.self) {
        try await connection.transaction { outer async throws in
          try await outer.execute("INSERT INTO item VALUES ($1)", ["x"])
          do {
            _ = try await outer.transaction(isolation: .serializable) { _ in }
          } catch let error as PostgresError {
            #expect(error.code == .transaction)
            #expect(error.message.contains("outermost"))
            throw error
          }
        }
      }
      #expect(try await names(observer) == [])
    }
  }

  @Test func isolationLevelIsApplied() async throws {
    try await withTable { connection, _ async throws in
      let level = try await connection.transaction(isolation: .serializable) { tx async throws in
        try await tx.query("SHOW transaction_isolation")[0].decode(String.self, at: 0)
      }
      #expect(level == "serializable")
    }
  }
}
