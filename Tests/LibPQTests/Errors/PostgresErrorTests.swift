import LibPQ
import PGTestSupport
import Testing

/// Server errors arrive as `PostgresError` with the fields PostgreSQL sent.
@Suite("Server errors")
struct PostgresErrorTests {
  @Test func uniqueViolationCarriesSQLStateAndConstraint() async throws {
    try await Connection.withTestConnection { connection async throws in
      try await connection.execute(
        "CREATE TEMP TABLE clinic (name text CONSTRAINT clinic_name_key UNIQUE)")
      try await connection.execute("INSERT INTO clinic VALUES ($1)", ["Calm Clinic"])
      let error = try await #require(throws: PostgresError.self) {
        try await connection.execute("INSERT INTO clinic VALUES ($1)", ["Calm Clinic"])
      }
      #expect(error.code == .server)
      #expect(error.sqlState == .uniqueViolation)
      #expect(error.sqlState?.rawValue == "23505")
      #expect(error.sqlState?.errorClass == "23")
      #expect(error.constraintName == "clinic_name_key")
      #expect(error.tableName == "clinic")
      #expect(error.severity == "ERROR")
      #expect(error.detail?.contains("Calm Clinic") == true)
      #expect(error.description.contains("23505") && error.description.contains("clinic_name_key"))
      // The connection is still usable after a statement error.
      #expect(try await connection.query("SELECT 1")[0].decode(Int32.self, at: 0) == 1)
    }
  }

  @Test func syntaxErrorIs42601WithPosition() async throws {
    try await Connection.withTestConnection { connection async throws in
      let error = try await #require(throws: PostgresError.self) {
        try await connection.query("SELEC 1")
      }
      #expect(error.sqlState == .syntaxError)
      #expect(error.sqlState?.rawValue == "42601")
      #expect(error.position == 1)
      #expect(error.message.contains("SELEC"))
    }
  }

  @Test func onlyOneStatementPerParameterisedQuery() async throws {
    try await Connection.withTestConnection { connection async throws in
      let error = try await #require(throws: PostgresError.self) {
        try await connection.query("SELECT 1; SELECT 2")
      }
      #expect(error.sqlState == .syntaxError)
    }
  }

  @Test func checkAndNotNullViolations() async throws {
    try await Connection.withTestConnection { connection async throws in
      try await connection.execute(
        "CREATE TEMP TABLE score (value int4 NOT NULL CONSTRAINT score_range CHECK (value <= 100))")
      let check = try await #require(throws: PostgresError.self) {
        try await connection.execute("INSERT INTO score VALUES ($1)", [Int32(101)])
      }
      #expect(check.sqlState == .checkViolation && check.constraintName == "score_range")
      let notNull = try await #require(throws: PostgresError.self) {
        try await connection.execute("INSERT INTO score VALUES ($1)", [Int32?.none])
      }
      #expect(notNull.sqlState == .notNullViolation && notNull.columnName == "value")
    }
  }

  @Test func raisedExceptionKeepsDetailAndHint() async throws {
    try await Connection.withTestConnection { connection async throws in
      let error = try await #require(throws: PostgresError.self) {
        try await connection.executeTrustedScript(
          """
          DO $$ BEGIN
            RAISE EXCEPTION 'audit log is append-only' USING DETAIL = 'row 7', HINT = 'insert';
          END $$;
          """)
      }
      #expect(error.sqlState == .raiseException)
      #expect(error.message == "audit log is append-only")
      #expect(error.detail == "row 7" && error.hint == "insert")
    }
  }

  @Test func textParameterWithNULByteIsRefused() async throws {
    try await Connection.withTestConnection { connection async throws in
      let error = try await #require(throws: PostgresError.self) {
        try await connection.query("SELECT $1::text", ["a\u{0}b"])
      }
      #expect(error.sqlState?.rawValue == "22021")
      let untyped = try await #require(throws: PostgresError.self) {
        try await connection.query("SELECT $1", [PostgresValue.untypedText("a\u{0}b")])
      }
      #expect(untyped.code == .encoding && untyped.message.contains("$1"))
    }
  }
}
