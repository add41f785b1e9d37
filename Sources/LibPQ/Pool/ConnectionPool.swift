import Logging
import Synchronization

/// A bounded pool of ``Connection``s for async code.
///
/// - At most ``Options/maximumConnections`` are open; a borrower that finds all of them lent out
///   waits, in FIFO order, up to ``Options/checkoutTimeout`` and then fails with
///   ``PostgresError/Code/poolTimeout``.
/// - A connection is checked before it is lent out (socket still open and quiet; pinged when it
///   was idle longer than ``Options/pingAfterIdle``). A broken one (for example after a server
///   restart) is closed and replaced by a new connection, so the pool recovers without restarting
///   the process.
/// - A connection given back broken, closed or with a transaction left open is discarded.
/// - Cancelling the borrowing task while it waits stops the wait; cancelling it while a statement
///   runs sends `PQcancel` to the server (see ``Connection``).
///
/// ```swift
/// let pool = ConnectionPool(configuration: try PostgresConfiguration(url))
/// let count = try await pool.withConnection { connection in
///   try await connection.query("SELECT count(*) FROM clinics").first!.decode(Int.self, at: 0)
/// }
/// await pool.close()
/// ```
public final class ConnectionPool: Sendable {
  /// Where the pool's connections connect to.
  public let configuration: PostgresConfiguration
  /// The pool's limits.
  public let options: Options
  private let logger: Logger
  private let state = Mutex(State())

  private enum Grant: Sendable {
    /// An idle connection (to be checked before use).
    case connection(Connection, idleSince: ContinuousClock.Instant)
    /// Permission to open a new connection (already counted in `open`).
    case openSlot
  }

  private enum Waiter {
    /// A checkout that has an id but has not registered its continuation yet.
    case allocated
    /// Cancelled before it registered.
    case cancelled
    case waiting(CheckedContinuation<Grant, any Error>, timeout: Task<Void, Never>)
  }

  private struct IdleConnection {
    var connection: Connection
    var since: ContinuousClock.Instant
  }

  private struct State {
    var idle: [IdleConnection] = []
    var open = 0
    var waiters: [Int: Waiter] = [:]
    var waitOrder: [Int] = []
    var nextWaiterID = 0
    var closed = false
    var discarded = 0
    var opened = 0

    /// Forgets a waiter that timed out or was cancelled.
    mutating func removeWaiter(_ id: Int) {
      waiters[id] = nil
      waitOrder.removeAll { $0 == id }
    }

    /// Removes and returns the first waiter whose continuation is registered.
    mutating func popWaiting() -> CheckedContinuation<Grant, any Error>? {
      while !waitOrder.isEmpty {
        let id = waitOrder.removeFirst()
        if case .waiting(let continuation, let timeout) = waiters[id] {
          waiters[id] = nil
          timeout.cancel()
          return continuation
        }
      }
      return nil
    }
  }

  /// Creates a pool; connections are opened on demand.
  public init(
    configuration: PostgresConfiguration,
    options: Options = Options(),
    logger: Logger = Logger(label: "LibPQ.ConnectionPool")
  ) {
    self.configuration = configuration
    self.options = options
    self.logger = logger
  }

  deinit {
    let idle = state.withLock { state in
      defer { state.idle = [] }
      return state.idle
    }
    if !idle.isEmpty {
      Task {
        for entry in idle { await entry.connection.close() }
      }
    }
  }

  /// Lends a connection to `body` and takes it back when `body` returns or throws.
  ///
  /// Do not keep the connection beyond `body`.
  /// - Throws: ``PostgresError`` with ``PostgresError/Code/poolTimeout`` when no connection
  ///   became free in time, ``PostgresError/Code/poolClosed`` after ``close()``, connection errors
  ///   when a new connection cannot be opened; `CancellationError` when the task was cancelled;
  ///   and whatever `body` throws.
  public func withConnection<T>(_ body: (Connection) async throws -> T) async throws -> T {
    let connection = try await checkOut()
    do {
      let value = try await body(connection)
      checkIn(connection)
      return value
    } catch {
      checkIn(connection)
      throw error
    }
  }

  /// Runs `body` in a transaction on a pooled connection (see
  /// ``Connection/transaction(isolation:_:)``).
  @discardableResult
  public func transaction<T>(
    isolation: TransactionIsolation? = nil,
    _ body: (Connection) async throws -> T
  ) async throws -> T {
    try await withConnection { connection in
      try await connection.transaction(isolation: isolation, body)
    }
  }

  /// Runs one parameterised statement on a pooled connection (see ``Connection/query(_:_:)``).
  @discardableResult
  public func query(
    _ sql: String, _ parameters: [any PostgresEncodable] = []
  ) async throws -> PostgresQueryResult {
    try await withConnection { connection in try await connection.query(sql, parameters) }
  }

  /// Runs one parameterised statement on a pooled connection and returns the affected row count.
  @discardableResult
  public func execute(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int
  {
    try await withConnection { connection in try await connection.execute(sql, parameters) }
  }

  /// Runs a ``PreparedStatement`` on a pooled connection (see
  /// `Connection.query(_:_:)` with a `PreparedStatement`).
  @discardableResult
  public func query(
    _ statement: PreparedStatement, _ parameters: [any PostgresEncodable] = []
  ) async throws -> PostgresQueryResult {
    try await withConnection { connection in try await connection.query(statement, parameters) }
  }

  /// The pool's counters now.
  public var statistics: Statistics {
    state.withLock { state in
      Statistics(
        open: state.open, idle: state.idle.count,
        waiting: state.waiters.values.filter {
          if case .waiting = $0 { return true }
          return false
        }.count,
        discarded: state.discarded, opened: state.opened)
    }
  }

  /// Closes the pool: waiting borrowers fail with ``PostgresError/Code/poolClosed``, idle
  /// connections are closed now and lent-out ones when they come back.
  public func close() async {
    let (idle, waiting) = state.withLock { state in
      state.closed = true
      var waiting: [CheckedContinuation<Grant, any Error>] = []
      while let continuation = state.popWaiting() { waiting.append(continuation) }
      let idle = state.idle
      state.idle = []
      state.open -= idle.count
      return (idle, waiting)
    }
    for continuation in waiting { continuation.resume(throwing: closedError) }
    for entry in idle { await entry.connection.close() }
  }

  // MARK: Checking out

  private func checkOut() async throws -> Connection {
    switch try await acquire() {
    case .connection(let connection, let idleSince):
      if await isUsable(connection, idleSince: idleSince) { return connection }
      // Keep the slot and open a replacement in its place.
      state.withLock { $0.discarded += 1 }
      logger.info(
        "replacing a broken pooled connection",
        metadata: ["backend_pid": "\(connection.backendPID)", "endpoint": "\(configuration)"])
      Task { await connection.close() }
      return try await openCounted()
    case .openSlot:
      return try await openCounted()
    }
  }

  private func isUsable(_ connection: Connection, idleSince: ContinuousClock.Instant) async -> Bool
  {
    guard !connection.isBroken, !connection.isClosed else { return false }
    guard await connection.checkHealth() else { return false }
    if ContinuousClock.now - idleSince > options.pingAfterIdle {
      return await connection.ping()
    }
    return true
  }

  /// Opens a connection for a slot already counted in `open`; gives the slot back on failure.
  private func openCounted() async throws -> Connection {
    do {
      let connection = try await Connection.connect(to: configuration, logger: logger)
      state.withLock { $0.opened += 1 }
      return connection
    } catch {
      releaseSlot()
      throw error
    }
  }

  private func acquire() async throws -> Grant {
    let id = state.withLock { state in
      state.nextWaiterID += 1
      state.waiters[state.nextWaiterID] = .allocated
      return state.nextWaiterID
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let immediate: Result<Grant, any Error>? = state.withLock { state in
          guard case .allocated = state.waiters.removeValue(forKey: id) else {
            return .failure(CancellationError())
          }
          if state.closed { return .failure(closedError) }
          if let entry = state.idle.popLast() {
            return .success(.connection(entry.connection, idleSince: entry.since))
          }
          if state.open < options.maximumConnections {
            state.open += 1
            return .success(.openSlot)
          }
          let timeout = Task { [options] in
            try? await Task.sleep(for: options.checkoutTimeout)
            guard !Task.isCancelled else { return }
            self.expire(id)
          }
          state.waiters[id] = .waiting(continuation, timeout: timeout)
          state.waitOrder.append(id)
          return nil
        }
        if let immediate { continuation.resume(with: immediate) }
      }
    } onCancel: {
      let continuation = state.withLock { state -> CheckedContinuation<Grant, any Error>? in
        switch state.waiters[id] {
        case .allocated:
          state.waiters[id] = .cancelled
          return nil
        case .waiting(let continuation, let timeout):
          state.removeWaiter(id)
          timeout.cancel()
          return continuation
        case .cancelled, nil:
          return nil
        }
      }
      continuation?.resume(throwing: CancellationError())
    }
  }

  private func expire(_ id: Int) {
    let continuation = state.withLock { state -> CheckedContinuation<Grant, any Error>? in
      guard case .waiting(let continuation, _) = state.waiters[id] else { return nil }
      state.removeWaiter(id)
      return continuation
    }
    continuation?.resume(
      throwing: PostgresError(
        code: .poolTimeout,
        message:
          "no PostgreSQL connection became free within \(options.checkoutTimeout): all "
          + "\(options.maximumConnections) connection(s) of the pool for \(configuration) are in "
          + "use; give connections back sooner or raise maximumConnections"))
  }

  // MARK: Checking in

  private func checkIn(_ connection: Connection) {
    if connection.isBroken || connection.isClosed || connection.isInTransaction {
      if !connection.isClosed {
        logger.debug(
          "discarding a returned connection",
          metadata: [
            "backend_pid": "\(connection.backendPID)", "broken": "\(connection.isBroken)",
            "in_transaction": "\(connection.isInTransaction)",
          ])
      }
      state.withLock { $0.discarded += 1 }
      Task { await connection.close() }
      releaseSlot()
      return
    }
    enum Next {
      case handOver(CheckedContinuation<Grant, any Error>)
      case close
      case kept
    }
    let next = state.withLock { state -> Next in
      if state.closed {
        state.open -= 1
        return .close
      }
      if let continuation = state.popWaiting() { return .handOver(continuation) }
      state.idle.append(IdleConnection(connection: connection, since: .now))
      return .kept
    }
    switch next {
    case .handOver(let continuation):
      continuation.resume(returning: .connection(connection, idleSince: .now))
    case .close:
      Task { await connection.close() }
    case .kept:
      break
    }
  }

  /// A counted connection went away: let the first waiter open a new one, or free the slot.
  private func releaseSlot() {
    let continuation = state.withLock { state -> CheckedContinuation<Grant, any Error>? in
      if !state.closed, let continuation = state.popWaiting() { return continuation }
      state.open -= 1
      return nil
    }
    continuation?.resume(returning: .openSlot)
  }

  private var closedError: PostgresError {
    PostgresError(code: .poolClosed, message: "the connection pool for \(configuration) was closed")
  }
}
