import LibPQ
import PGTestSupport
import Testing

@Suite("Prepared statements")
struct PreparedStatementTests {
  static let double = PreparedStatement("SELECT $1::int8 * 2 AS doubled")

  private func preparedCount(_ connection: Connection) async throws -> Int {
    try await connection.query("SELECT count(*) FROM pg_prepared_statements")[0]
      .decode(Int.self, at: 0)
  }

  @Test func preparesOnceAndRunsManyTimes() async throws {
    try await Connection.withTestConnection { connection async throws in
      for value in 0..<5 {
        let row = try await connection.query(Self.double, [value])[0]
        #expect(try row.decode(Int.self, "doubled") == value * 2)
      }
      #expect(try await preparedCount(connection) == 1)
      // Other parameter types get a statement of their own.
      _ = try await connection.query(Self.double, [PostgresValue.null])
      #expect(try await preparedCount(connection) == 2)
    }
  }

  @Test func errorsSurfaceAndDoNotPoisonTheCache() async throws {
    try await Connection.withTestConnection { connection async throws in
      let broken = PreparedStatement("SELEC $1")
      for _ in 0..<2 {
        let error = try await #require(throws: PostgresError.self) {
          try await connection.query(broken, [1])
        }
        #expect(error.sqlState == .syntaxError)
      }
      #expect(try await preparedCount(connection) == 0)
      try await connection.execute("CREATE TEMP TABLE t (n int4 CONSTRAINT t_n_key UNIQUE)")
      let insert = PreparedStatement("INSERT INTO t VALUES ($1)")
      #expect(try await connection.execute(insert, [Int32(1)]) == 1)
      let error = try await #require(throws: PostgresError.self) {
        try await connection.execute(insert, [Int32(1)])
      }
      #expect(error.sqlState == .uniqueViolation && error.constraintName == "t_n_key")
      #expect(try await connection.execute(insert, [Int32(2)]) == 1)
    }
  }

  @Test func deallocatedStatementsArePreparedAgain() async throws {
    try await Connection.withTestConnection { connection async throws in
      _ = try await connection.query(Self.double, [1])
      try await connection.execute("DEALLOCATE ALL")
      let error = try await #require(throws: PostgresError.self) {
        try await connection.query(Self.double, [2])
      }
      #expect(error.sqlState == .invalidSQLStatementName)
      #expect(try await connection.query(Self.double, [3])[0].decode(Int.self, at: 0) == 6)
    }
  }

  @Test func cancellingAPreparedStatementCancelsItOnTheServer() async throws {
    let connection = try await TestDatabase.connect()
    let monitor = try await TestDatabase.connect()
    let sleep = PreparedStatement("SELECT pg_sleep($1)")
    let task = Task { try await connection.query(sleep, [30.0]) }
    try await waitUntilActive(pid: connection.backendPID, on: monitor)
    let started = ContinuousClock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(ContinuousClock.now - started < .seconds(1))
    #expect(try await connection.query(sleep, [0.0]).count == 1)
    await connection.close()
    await monitor.close()
  }

  @Test func poolConnectionsEachPrepareOnFirstUse() async throws {
    let pool = ConnectionPool(
      configuration: try TestDatabase.configuration(),
      options: ConnectionPool.Options(maximumConnections: 2))
    try await pool.withConnection { a async throws in
      try await pool.withConnection { b async throws in
        #expect(try await a.query(Self.double, [2])[0].decode(Int.self, at: 0) == 4)
        #expect(try await b.query(Self.double, [3])[0].decode(Int.self, at: 0) == 6)
      }
    }
    #expect(try await pool.query(Self.double, [4])[0].decode(Int.self, at: 0) == 8)
    await pool.close()
  }
}
