import LibPQ
import Logging
import RPCBuiltins
import Synchronization

/// Probes the database with `SELECT 1` every interval on a connection of its own (not the
/// pool's, so a pool busy with slow queries never reads as "database down") and publishes the
/// verdict of ``ReachabilityVerdict`` (down after consecutive failures, up at the first answer):
/// health NOT_SERVING for every service while down, SERVING again when it answers, the
/// `vetting_db_up_status` gauge, and ``isReachable`` for the availability interceptor.
public final class DatabaseMonitor: Sendable {
  private let configuration: PostgresConfiguration
  private let interval: Duration
  private let health: HealthStatusManager
  private let metrics: ServerMetrics
  private let logger: Logger
  private let verdict = Mutex(ReachabilityVerdict())

  init(
    configuration: PostgresConfiguration,
    interval: Duration,
    health: HealthStatusManager,
    metrics: ServerMetrics,
    logger: Logger
  ) {
    // A probe must fail quickly when the server is gone; libpq's connect_timeout is whole
    // seconds, 2 is the smallest value it treats reliably.
    var options = configuration.options
    options["connect_timeout"] = "2"
    self.configuration = PostgresConfiguration(options: options)
    self.interval = interval
    self.health = health
    self.metrics = metrics
    self.logger = logger
  }

  /// Whether the database is reachable by the current verdict (false until the first).
  public var isReachable: Bool {
    self.verdict.withLock { $0.reachable == true }
  }

  /// Probes until there is a verdict (the first answer, or enough consecutive failures), an
  /// interval apart: what the server does before it listens, so that one slow first probe on a
  /// loaded machine does not start it refusing calls. Returns the connection to keep probing on.
  func probeUntilKnown() async -> Connection? {
    var connection = await self.probe(nil)
    while self.verdict.withLock({ $0.reachable == nil }), !Task.isCancelled {
      try? await Task.sleep(for: self.interval)
      connection = await self.probe(connection)
    }
    return connection
  }

  /// Probes until the task is cancelled, then closes its connection.
  func run(initial connection: Connection?) async {
    var connection = connection
    while !Task.isCancelled {
      try? await Task.sleep(for: self.interval)
      if Task.isCancelled { break }
      connection = await self.probe(connection)
    }
    await connection?.close()
  }

  /// One probe: reuses `connection` when it is healthy, else opens a new one; records the
  /// outcome and returns the connection to reuse next time (nil after a failure).
  func probe(_ connection: Connection?) async -> Connection? {
    var connection = connection
    do {
      if connection == nil || connection!.isBroken || connection!.isClosed {
        await connection?.close()
        connection = try await Connection.connect(
          to: self.configuration, logger: Logger(label: "vetting.db-monitor"))
      }
      try await Self.withTimeout(.seconds(3)) { [connection] in
        _ = try await connection!.query("SELECT 1")
      }
      self.record(reachable: true, error: nil)
      return connection
    } catch is ProbeTimeout {
      // The statement may still be running (a stopped server answers neither it nor the
      // cancel request): close the connection in the background, never wait for it here.
      self.record(reachable: false, error: ProbeTimeout())
      if let stuck = connection { Task { await stuck.close() } }
      return nil
    } catch {
      await connection?.close()
      self.record(reachable: false, error: error)
      return nil
    }
  }

  private func record(reachable answered: Bool, error: (any Error)?) {
    let (changed, failures) = self.verdict.withLock { verdict in
      (verdict.record(answered: answered), verdict.consecutiveFailures)
    }
    guard let reachable = changed else {
      if !answered {
        self.logger.warning(
          "database probe failed; not yet declared unreachable",
          metadata: [
            "error": "\(error.map { "\($0)" } ?? "unknown")",
            "consecutive_failures": "\(failures)",
          ])
      }
      return
    }
    self.metrics.setDatabaseUp(reachable)
    let status: ServingStatus = reachable ? .serving : .notServing
    self.health.setStatus(status, forServices: self.health.statuses.keys)
    if reachable {
      self.logger.notice("database reachable: serving")
    } else {
      self.logger.error(
        "database unreachable: health NOT_SERVING until it answers again",
        metadata: [
          "error": "\(error.map { "\($0)" } ?? "unknown")",
          "consecutive_failures": "\(failures)",
        ])
    }
  }

  /// The probe's statement did not answer within its limit.
  struct ProbeTimeout: Error, CustomStringConvertible {
    var description: String { "SELECT 1 did not answer within 3 s" }
  }

  /// Runs `body` for at most `limit`, then throws ``ProbeTimeout`` without waiting for it:
  /// a task group would wait for its child, and a query against a stopped (SIGSTOP) server
  /// never ends, cancelled or not, so health would stay SERVING forever.
  private static func withTimeout(
    _ limit: Duration, _ body: @escaping @Sendable () async throws -> Void
  ) async throws {
    let (outcomes, sink) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
    let work = Task {
      do {
        try await body()
        sink.yield(.success(()))
      } catch {
        sink.yield(.failure(error))
      }
    }
    let timer = Task {
      do {
        try await Task.sleep(for: limit)
        sink.yield(.failure(ProbeTimeout()))
      } catch {}
    }
    var first: Result<Void, any Error> = .failure(ProbeTimeout())
    for await outcome in outcomes {
      first = outcome
      break
    }
    timer.cancel()
    work.cancel()
    sink.finish()
    try first.get()
  }
}
