import CLibPQ
import Logging
import NIOPosix
import Synchronization

/// One connection to PostgreSQL.
///
/// Every libpq call for the connection runs on the connection's own thread (a one-thread
/// `NIOThreadPool`), never on a NIO event loop or the Swift concurrency pool; callers simply
/// `await`. A dedicated thread per connection means a statement that blocks on a lock held by
/// another connection can never starve that other connection of a thread.
///
/// Statements are parameterised (``query(_:_:)``, ``execute(_:_:)``); multi-statement SQL from a
/// trusted file goes through ``executeTrustedScript(_:)``. Cancelling the awaiting task sends
/// `PQcancel` to the server and the call throws `CancellationError`.
///
/// Use a connection from one task at a time (the pool hands each connection to one borrower).
/// Concurrent calls are serialised and memory-safe, but would interleave transactions.
/// ``close()`` it when done; a connection that is dropped is closed by `deinit`.
public final class Connection: Sendable {
  /// The configuration the connection was opened with.
  public let configuration: PostgresConfiguration
  /// The server process id serving this connection (`pg_backend_pid()`).
  public let backendPID: Int32

  let handle: ConnectionHandle
  private let executor: NIOThreadPool
  private let cancelHandle: CancelHandle
  private let state = Mutex(State())
  let logger: Logger

  private struct State {
    var closed = false
    var transactionDepth = 0
    var statements = 0
  }

  private init(
    configuration: PostgresConfiguration, backendPID: Int32, handle: ConnectionHandle,
    executor: NIOThreadPool, cancelHandle: CancelHandle, logger: Logger
  ) {
    self.configuration = configuration
    self.backendPID = backendPID
    self.handle = handle
    self.executor = executor
    self.cancelHandle = cancelHandle
    self.logger = logger
  }

  deinit {
    let wasClosed = state.withLock { $0.closed }
    if !wasClosed {
      cancelHandle.free()
      executor.shutdownGracefully { _ in }
    }
  }

  /// Opens a connection. Cancelling the task abandons the attempt (`CancellationError`); the
  /// attempt gives up after `connect_timeout` seconds (default
  /// ``PostgresConfiguration/defaultConnectTimeoutSeconds``).
  ///
  /// - Throws: ``PostgresError`` with code ``PostgresError/Code/connectionFailed`` (server down,
  ///   unknown host or database) or ``PostgresError/Code/authenticationFailed`` (wrong user or
  ///   password); the message names host, port, user and database, never the password.
  public static func connect(
    to configuration: PostgresConfiguration,
    logger: Logger = Logger(label: "LibPQ.Connection")
  ) async throws -> Connection {
    let executor = NIOThreadPool(numberOfThreads: 1)
    executor.start()
    let handle = ConnectionHandle()
    // Nothing to PQcancel yet: cancelling the task makes the connect loop give up instead.
    let cancellation = QueryCancellation(cancelHandle: CancelHandle(nil))
    do {
      let (cancel, pid) = try await withTaskCancellationHandler {
        try await executor.runBlocking {
          let (cancel, pid) = try handle.connect(configuration, cancellation: cancellation)
          return (CancelHandle(cancel), pid)
        }
      } onCancel: {
        cancellation.cancel()
      }
      logger.debug(
        "connected", metadata: ["endpoint": "\(configuration)", "backend_pid": "\(pid)"])
      return Connection(
        configuration: configuration, backendPID: pid, handle: handle, executor: executor,
        cancelHandle: cancel, logger: logger)
    } catch {
      try? await executor.shutdownGracefully()
      throw error
    }
  }

  /// Opens a connection from a conninfo string or a `postgresql://` URL.
  public static func connect(
    to connectionString: String,
    logger: Logger = Logger(label: "LibPQ.Connection")
  ) async throws -> Connection {
    try await connect(to: PostgresConfiguration(connectionString), logger: logger)
  }

  /// Closes the connection (idempotent). Waits for a statement that is running to finish.
  public func close() async {
    let wasOpen = state.withLock { state in
      defer { state.closed = true }
      return !state.closed
    }
    guard wasOpen else { return }
    _ = try? await executor.runBlocking { self.handle.finish() }
    cancelHandle.free()
    try? await executor.shutdownGracefully()
  }

  /// Whether ``close()`` was called.
  public var isClosed: Bool { state.withLock { $0.closed } }

  /// How many statements this connection has sent to the server: one per ``query(_:_:)``,
  /// ``execute(_:_:)``, prepared statement call, ``executeTrustedScript(_:)`` and transaction
  /// control statement (`BEGIN`, `COMMIT`, `SAVEPOINT`, …), failed ones included; not the
  /// health checks of ``checkHealth()`` and ``ping()``. For tests and diagnostics: how many
  /// statements a piece of work costs.
  public var statementCount: Int { state.withLock { $0.statements } }

  /// Whether libpq found the connection broken (for example after a server restart); a broken
  /// connection never recovers and must be replaced.
  public var isBroken: Bool { handle.status.withLock { $0.broken } }

  /// Whether the last statement left a transaction open.
  var isInTransaction: Bool { handle.status.withLock { $0.inTransaction } }

  /// Checks that the connection is open, idle and answered by the server (a round trip only when
  /// something arrived on the socket since the last statement).
  public func checkHealth() async -> Bool {
    guard !isClosed else { return false }
    return (try? await executor.runBlocking { self.handle.isHealthy() }) ?? false
  }

  /// Sends an empty statement and waits for the answer.
  public func ping() async -> Bool {
    guard !isClosed else { return false }
    return (try? await executor.runBlocking { self.handle.ping() }) ?? false
  }

  // MARK: Running work on the connection's thread

  /// Runs a statement on the connection's thread. When `cancellable`, cancelling the awaiting
  /// task sends `PQcancel`.
  func run<T: Sendable>(
    cancellable: Bool,
    _ body: @escaping @Sendable (ConnectionHandle, QueryCancellation) throws -> T
  ) async throws -> T {
    let closed = state.withLock { state in
      if !state.closed { state.statements += 1 }
      return state.closed
    }
    guard !closed else {
      throw PostgresError(code: .connectionClosed, message: "the connection was closed")
    }
    let cancellation = QueryCancellation(cancelHandle: cancelHandle)
    if !cancellable {
      return try await executor.runBlocking { try body(self.handle, cancellation) }
    }
    return try await withTaskCancellationHandler {
      try await executor.runBlocking { try body(self.handle, cancellation) }
    } onCancel: {
      cancellation.cancel()
    }
  }

  // MARK: Transaction depth

  func enterTransaction() -> Int {
    state.withLock { state in
      defer { state.transactionDepth += 1 }
      return state.transactionDepth
    }
  }

  func leaveTransaction() {
    state.withLock { $0.transactionDepth -= 1 }
  }
}
