import Foundation
import LibPQ
import PGTestSupport
import Testing

@Suite("Connection pool", .timeLimit(.minutes(2)))
struct ConnectionPoolTests {
  private func withPool<T>(
    _ options: ConnectionPool.Options,
    configuration: PostgresConfiguration? = nil,
    _ body: (ConnectionPool) async throws -> T
  ) async throws -> T {
    let pool = ConnectionPool(
      configuration: try configuration ?? TestDatabase.configuration(), options: options)
    do {
      let value = try await body(pool)
      await pool.close()
      return value
    } catch {
      await pool.close()
      throw error
    }
  }

  @Test func exhaustionTimesOutWithAClearError() async throws {
    let options = ConnectionPool.Options(maximumConnections: 2, checkoutTimeout: .milliseconds(300))
    try await withPool(options) { pool async throws in
      try await pool.withConnection { _ async throws in
        try await pool.withConnection { _ async throws in
          let started = ContinuousClock.now
          let error = try await #require(throws: PostgresError.self) {
            try await pool.withConnection { _ in }
          }
          let waited = ContinuousClock.now - started
          #expect(waited >= .milliseconds(250) && waited < .seconds(5))
          #expect(error.code == .poolTimeout)
          #expect(error.message.contains("2 connection(s)"))
          #expect(error.message.contains("maximumConnections"))
          #expect(pool.statistics.open == 2)
        }
      }
      // Both connections came back and are lent again.
      #expect(try await pool.query("SELECT 1")[0].decode(Int32.self, at: 0) == 1)
      #expect(pool.statistics.idle == 2)
      #expect(pool.statistics.waiting == 0)
    }
  }

  @Test func aWaiterGetsTheConnectionThatComesBack() async throws {
    let options = ConnectionPool.Options(maximumConnections: 1, checkoutTimeout: .seconds(10))
    try await withPool(options) { pool async throws in
      var waiter: Task<Int32, any Error>?
      let firstPID = try await pool.withConnection { held async throws in
        waiter = Task {
          try await pool.withConnection { connection in connection.backendPID }
        }
        while pool.statistics.waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
        return held.backendPID
      }
      let secondPID = try await waiter!.value
      #expect(firstPID == secondPID)
      #expect(pool.statistics.open == 1)
    }
  }

  @Test func manyTasksShareABoundedPool() async throws {
    let options = ConnectionPool.Options(maximumConnections: 3, checkoutTimeout: .seconds(30))
    try await withPool(options) { pool async throws in
      let peak = LockedBox(0)
      let sum = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<40 {
          group.addTask {
            try await pool.withConnection { connection in
              peak.update { $0 = max($0, pool.statistics.open) }
              return try await connection.query("SELECT $1::int8 * 2", [index])[0]
                .decode(Int.self, at: 0)
            }
          }
        }
        return try await group.reduce(0, +)
      }
      #expect(sum == (0..<40).reduce(0) { $0 + $1 * 2 })
      #expect(peak.value <= 3)
      #expect(pool.statistics.open <= 3)
    }
  }

  @Test func cancellationsAndTimeoutsLeakNoSlot() async throws {
    let options = ConnectionPool.Options(maximumConnections: 3, checkoutTimeout: .milliseconds(200))
    struct Outcomes: Sendable {
      var succeeded = 0
      var timedOut = 0
      var cancelled = 0
    }
    let outcomes = LockedBox(Outcomes())
    try await withPool(options) { pool async throws in
      try await withThrowingTaskGroup(of: Void.self) { group in
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<60 {
          let task = Task<Void, any Error> {
            _ = try await pool.withConnection { connection in
              try await connection.query("SELECT pg_sleep($1)", [Double(index % 4) / 100])
            }
          }
          tasks.append(task)
        }
        for (index, task) in tasks.enumerated() where index % 3 == 0 {
          try await Task.sleep(for: .milliseconds(2))
          task.cancel()
        }
        for task in tasks {
          group.addTask {
            switch await task.result {
            case .success: outcomes.update { $0.succeeded += 1 }
            case .failure(let error as PostgresError) where error.code == .poolTimeout:
              outcomes.update { $0.timedOut += 1 }
            case .failure(is CancellationError): outcomes.update { $0.cancelled += 1 }
            case .failure(let error): Issue.record("unexpected error \(error)")
            }
          }
        }
        try await group.waitForAll()
      }
      let counts = outcomes.value
      #expect(counts.succeeded + counts.timedOut + counts.cancelled == 60)
      #expect(counts.succeeded > 0 && counts.timedOut + counts.cancelled > 0)
      #expect(pool.statistics.waiting == 0)
      #expect(pool.statistics.open <= 3)
      // Every slot is still usable: three borrowers at once.
      try await pool.withConnection { a async throws in
        try await pool.withConnection { b async throws in
          try await pool.withConnection { c async throws in
            let pids = Set([a.backendPID, b.backendPID, c.backendPID])
            #expect(pids.count == 3)
          }
        }
      }
    }
  }

  @Test func aConnectionLeftInATransactionIsNotReused() async throws {
    let options = ConnectionPool.Options(maximumConnections: 1)
    try await withPool(options) { pool async throws in
      let first = try await pool.withConnection { connection in
        try await connection.execute("BEGIN")
        return connection.backendPID
      }
      let second = try await pool.withConnection { connection in connection.backendPID }
      #expect(first != second)
      #expect(pool.statistics.discarded == 1)
    }
  }

  @Test func cancellingAWaitingBorrowerStopsItsWait() async throws {
    let options = ConnectionPool.Options(maximumConnections: 1, checkoutTimeout: .seconds(30))
    try await withPool(options) { pool async throws in
      try await pool.withConnection { _ async throws in
        let waiter = Task { try await pool.withConnection { _ in } }
        while pool.statistics.waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
        let started = ContinuousClock.now
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(pool.statistics.waiting == 0)
      }
      #expect(try await pool.query("SELECT 1").count == 1)
    }
  }

  @Test func cancellingATaskCancelsItsQueryOnTheServer() async throws {
    let options = ConnectionPool.Options(maximumConnections: 2)
    try await withPool(options) { pool async throws in
      let monitor = try await TestDatabase.connect()
      let pid = LockedBox<Int32?>(nil)
      let task = Task {
        try await pool.withConnection { connection in
          pid.value = connection.backendPID
          return try await connection.query("SELECT pg_sleep(30)")
        }
      }
      var backend: Int32?
      while backend == nil {
        try await Task.sleep(for: .milliseconds(10))
        backend = pid.value
      }
      try await waitUntilActive(pid: backend!, on: monitor)
      let started = ContinuousClock.now
      task.cancel()
      let result = await task.result
      #expect(ContinuousClock.now - started < .seconds(1))
      #expect(throws: CancellationError.self) { try result.get() }
      let running = try await monitor.query(
        """
        SELECT count(*) FROM pg_stat_activity
        WHERE state = 'active' AND pid = $1
        """,
        [backend!])[0]
      #expect(try running.decode(Int.self, at: 0) == 0)
      // The connection whose statement was cancelled is healthy and lent out again.
      let again = try await pool.withConnection { connection in connection.backendPID }
      #expect(again == backend)
      await monitor.close()
    }
  }

  @Test(.timeLimit(.minutes(3)))
  func survivesAServerRestartInTheMiddleOfUse() async throws {
    try await ThrowawayCluster.withCluster { cluster async throws in
      let options = ConnectionPool.Options(maximumConnections: 2, checkoutTimeout: .seconds(20))
      try await withPool(options, configuration: cluster.configuration) { pool async throws in
        // Warm up both connections.
        try await pool.withConnection { a async throws in
          try await pool.withConnection { b async throws in
            #expect(a.backendPID != b.backendPID)
          }
        }
        #expect(pool.statistics.idle == 2)
        let before = try await pool.query("SELECT pg_postmaster_start_time()")[0]
          .decode(Date.self, at: 0)

        // A statement is running when the server restarts.
        let inFlight = Task {
          try await pool.withConnection { connection in
            try await connection.query("SELECT pg_sleep(20)")
          }
        }
        let monitor = try await cluster.connect()
        try await waitUntilSomeoneSleeps(on: monitor)
        await monitor.close()
        try await cluster.restart()

        let error = try await #require(throws: PostgresError.self) { try await inFlight.value }
        #expect(error.code == .connectionLost)

        // The next checkouts work without restarting the process: dead connections are replaced.
        let after = try await pool.query("SELECT pg_postmaster_start_time()")[0]
          .decode(Date.self, at: 0)
        #expect(after > before)
        try await pool.withConnection { a async throws in
          try await pool.withConnection { b async throws in
            #expect(try await a.query("SELECT 1").count == 1)
            #expect(try await b.query("SELECT 2").count == 1)
          }
        }
        #expect(pool.statistics.discarded >= 2)
        #expect(pool.statistics.open <= 2)
      }
    }
  }

  @Test func closedPoolRefusesBorrowers() async throws {
    let pool = ConnectionPool(configuration: try TestDatabase.configuration())
    #expect(try await pool.query("SELECT 1").count == 1)
    await pool.close()
    let error = try await #require(throws: PostgresError.self) {
      try await pool.withConnection { _ in }
    }
    #expect(error.code == .poolClosed)
    #expect(pool.statistics.open == 0)
  }

  @Test func anUnreachableServerFailsTheCheckoutAndFreesTheSlot() async throws {
    var configuration = try TestDatabase.configuration()
    configuration.port = try unusedPort()
    let options = ConnectionPool.Options(maximumConnections: 1, checkoutTimeout: .seconds(1))
    try await withPool(options, configuration: configuration) { pool async throws in
      for _ in 0..<3 {
        let error = try await #require(throws: PostgresError.self) {
          try await pool.withConnection { _ in }
        }
        #expect(error.code == .connectionFailed)
      }
      #expect(pool.statistics.open == 0)
    }
  }

  private func waitUntilSomeoneSleeps(on monitor: Connection) async throws {
    for _ in 0..<200 {
      let rows = try await monitor.query(
        "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query = $1",
        ["SELECT pg_sleep(20)"])
      if !rows.isEmpty { return }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw TestDatabaseError("the long statement never started")
  }
}

@Suite("Connection pool health checks")
struct ConnectionPoolHealthTests {
  @Test func aConnectionTheServerTerminatedIsReplacedAtCheckout() async throws {
    let pool = ConnectionPool(
      configuration: try TestDatabase.configuration(),
      options: ConnectionPool.Options(maximumConnections: 1))
    let monitor = try await TestDatabase.connect()
    let first = try await pool.withConnection { connection in connection.backendPID }
    let terminated = try await monitor.query("SELECT pg_terminate_backend($1)", [first])
    #expect(try terminated[0].decode(Bool.self, at: 0))
    // Give the server a moment to close the socket.
    for _ in 0..<100 {
      let rows = try await monitor.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [first])
      if rows.isEmpty { break }
      try await Task.sleep(for: .milliseconds(20))
    }
    let second = try await pool.withConnection { connection in
      try await connection.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
    }
    #expect(second != first)
    #expect(pool.statistics.discarded == 1)
    #expect(pool.statistics.open == 1)
    await monitor.close()
    await pool.close()
  }

  @Test func idleConnectionsArePingedBeforeUse() async throws {
    let pool = ConnectionPool(
      configuration: try TestDatabase.configuration(),
      options: ConnectionPool.Options(maximumConnections: 1, pingAfterIdle: .zero))
    let first = try await pool.withConnection { connection in connection.backendPID }
    let second = try await pool.withConnection { connection in connection.backendPID }
    #expect(first == second)
    #expect(pool.statistics.discarded == 0)
    await pool.close()
  }
}
