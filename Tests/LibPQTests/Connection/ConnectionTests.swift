import Foundation
import LibPQ
import PGTestSupport
import Testing

@Suite("Connection")
struct ConnectionTests {
  @Test func connectsFromURLAndFromConninfo() async throws {
    let url = try TestDatabase.url()
    let configuration = try TestDatabase.configuration()
    let conninfo =
      "host=\(configuration.host!) port=\(configuration.port!) user=\(configuration.user!) "
      + "password=\(configuration.password!) dbname=\(configuration.database!)"
    for text in [url, conninfo] {
      let connection = try await Connection.connect(to: text)
      let row = try await connection.query("SELECT current_user, current_database()")[0]
      #expect(try row.decode(String.self, at: 0) == configuration.user)
      #expect(try row.decode(String.self, at: 1) == configuration.database)
      #expect(connection.backendPID > 0)
      await connection.close()
    }
  }

  @Test func wrongPasswordIsAnAuthenticationError() async throws {
    var configuration = try TestDatabase.configuration()
    configuration.password = "definitely-not-the-password"
    let error = try await #require(throws: PostgresError.self) {
      try await Connection.connect(to: configuration)
    }
    #expect(error.code == .authenticationFailed)
    #expect(error.message.contains(configuration.host!))
    #expect(error.message.contains(String(configuration.port!)))
    #expect(error.message.contains(configuration.user!))
    #expect(error.message.contains("password authentication failed"))
    #expect(!error.description.contains("definitely-not-the-password"))
  }

  @Test func unknownUserIsAnAuthenticationError() async throws {
    var configuration = try TestDatabase.configuration()
    configuration.user = "nobody_here"
    let error = try await #require(throws: PostgresError.self) {
      try await Connection.connect(to: configuration)
    }
    #expect(error.code == .authenticationFailed)
    #expect(error.message.contains("nobody_here"))
  }

  @Test func serverDownIsAConnectionErrorNamingHostAndPort() async throws {
    var configuration = try TestDatabase.configuration()
    configuration.port = try unusedPort()
    configuration.password = "zz-secret-zz"
    let started = ContinuousClock.now
    let error = try await #require(throws: PostgresError.self) {
      try await Connection.connect(to: configuration)
    }
    #expect(ContinuousClock.now - started < .seconds(5))
    #expect(error.code == .connectionFailed)
    #expect(error.message.contains("\(configuration.host!):\(configuration.port!)"))
    #expect(error.message.contains(configuration.user!))
    #expect(error.message.contains("refused"))
    #expect(!error.description.contains("zz-secret-zz"))
  }

  @Test func aServerThatNeverAnswersTimesOut() async throws {
    let silent = try SilentServer()
    var configuration = try TestDatabase.configuration()
    configuration.port = silent.port
    configuration.options["connect_timeout"] = "1"
    let started = ContinuousClock.now
    let error = try await #require(throws: PostgresError.self) {
      try await Connection.connect(to: configuration)
    }
    let waited = ContinuousClock.now - started
    #expect(waited >= .milliseconds(900) && waited < .seconds(5))
    #expect(error.code == .connectionFailed)
    #expect(error.message.contains("\(silent.port)") && error.message.contains("within 1 s"))
  }

  @Test func cancellingTheTaskAbandonsAConnectionAttempt() async throws {
    let silent = try SilentServer()
    var configuration = try TestDatabase.configuration()
    configuration.port = silent.port
    let task = Task { try await Connection.connect(to: configuration) }
    try await Task.sleep(for: .milliseconds(300))
    let started = ContinuousClock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    // The silent server never answers and no connect_timeout is set, so without cancellation the
    // attempt would wait forever; the connect loop checks every 100 ms. The bound is generous
    // because the whole suite runs in parallel on two cores (3 s was seen under load).
    #expect(ContinuousClock.now - started < .seconds(10))
  }

  @Test func unknownDatabaseIsAConnectionError() async throws {
    let configuration = try TestDatabase.configuration().with(database: "no_such_database")
    let error = try await #require(throws: PostgresError.self) {
      try await Connection.connect(to: configuration)
    }
    #expect(error.code == .connectionFailed)
    #expect(error.message.contains("no_such_database"))
  }

  @Test func trustedScriptRunsSeveralStatements() async throws {
    try await Connection.withTestConnection { connection async throws in
      try await connection.executeTrustedScript(
        """
        CREATE TEMP TABLE step (n int4);
        INSERT INTO step VALUES (1), (2);
        -- a comment; and a string with a semicolon
        INSERT INTO step VALUES (length('a;b'));
        """)
      let sum = try await connection.query("SELECT sum(n)::int8 FROM step")[0]
      #expect(try sum.decode(Int.self, at: 0) == 6)
      let error = try await #require(throws: PostgresError.self) {
        try await connection.executeTrustedScript(
          "INSERT INTO step VALUES (10); INSERT INTO missing VALUES (1);")
      }
      #expect(error.sqlState == .undefinedTable)
      // The failing script ran as one implicit transaction: its first INSERT is gone too.
      let after = try await connection.query("SELECT sum(n)::int8 FROM step")[0]
      #expect(try after.decode(Int.self, at: 0) == 6)
    }
  }

  @Test func cancellingTheTaskCancelsTheStatementOnTheServer() async throws {
    let connection = try await TestDatabase.connect()
    let monitor = try await TestDatabase.connect()
    let task = Task { try await connection.query("SELECT pg_sleep(30)") }
    try await waitUntilActive(pid: connection.backendPID, on: monitor)
    let started = ContinuousClock.now
    task.cancel()
    let result = await task.result
    #expect(ContinuousClock.now - started < .seconds(1))
    #expect(throws: CancellationError.self) { try result.get() }
    let state = try await monitor.query(
      "SELECT state FROM pg_stat_activity WHERE pid = $1", [connection.backendPID])[0]
    #expect(try state.decode(String?.self, at: 0) != "active")
    #expect(try await connection.query("SELECT 5")[0].decode(Int32.self, at: 0) == 5)
    await connection.close()
    await monitor.close()
  }

  /// A cancel that arrives as a statement ends must not outlive it: the connection's next
  /// statement (in a pool, another caller's) must never fail with `57014 query_canceled`.
  /// Cancelling right at the end of a short statement, 200 times, each followed at once by an
  /// uncancelled one, hit the race within 0.2 s (a few iterations) before `finish()` waited for the
  /// cancel request in flight.
  @Test func aLateCancelNeverReachesTheNextStatement() async throws {
    try await Connection.withTestConnection { connection in
      for iteration in 0..<200 {
        let statement = Task { try await connection.query("SELECT pg_sleep(0.004)") }
        try await Task.sleep(for: .microseconds(3_000 + (iteration % 20) * 100))
        statement.cancel()
        _ = await statement.result
        let next = try await connection.query("SELECT pg_sleep(0.03), 7")
        #expect(try next[0].decode(Int32.self, at: 1) == 7, "iteration \(iteration)")
      }
    }
  }

  @Test func aTerminatedSessionIsReportedAsLost() async throws {
    let connection = try await TestDatabase.connect()
    let monitor = try await TestDatabase.connect()
    let task = Task { try await connection.query("SELECT pg_sleep(30)") }
    try await waitUntilActive(pid: connection.backendPID, on: monitor)
    try await monitor.query("SELECT pg_terminate_backend($1)", [connection.backendPID])
    let error = try await #require(throws: PostgresError.self) { try await task.value }
    #expect(error.code == .connectionLost)
    #expect(connection.isBroken)
    let next = try await #require(throws: PostgresError.self) {
      try await connection.query("SELECT 1")
    }
    #expect(next.code == .connectionLost && next.message.contains("open a new connection"))
    await connection.close()
    await monitor.close()
  }

  @Test func closedConnectionRefusesWork() async throws {
    let connection = try await TestDatabase.connect()
    await connection.close()
    await connection.close()
    #expect(connection.isClosed)
    let error = try await #require(throws: PostgresError.self) {
      try await connection.query("SELECT 1")
    }
    #expect(error.code == .connectionClosed)
    #expect(await connection.checkHealth() == false)
  }

  @Test func aDroppedConnectionIsClosedOnTheServer() async throws {
    let monitor = try await TestDatabase.connect()
    var pid: Int32 = 0
    do {
      let connection = try await TestDatabase.connect()
      pid = connection.backendPID
      #expect(try await connection.query("SELECT 1").count == 1)
    }
    var gone = false
    for _ in 0..<100 where !gone {
      let rows = try await monitor.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])
      gone = rows.isEmpty
      if !gone { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(gone)
    await monitor.close()
  }
}
