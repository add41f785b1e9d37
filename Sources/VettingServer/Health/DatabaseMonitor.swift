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
  /// How the monitor connects while the database is reachable: a 2 s connect timeout, so a
  /// database that goes away is noticed quickly.
  private let configuration: PostgresConfiguration
  /// How it connects while the verdict is unknown or down: no client waits on such a probe
  /// (calls are refused, or the server does not listen yet), and on a loaded machine a new
  /// connection can take longer than 2 s every time, so a short limit would never see the
  /// database answer at all.
  private let patientConfiguration: PostgresConfiguration
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
    options["connect_timeout"] = "\(Int(Self.quickLimits.connect.components.seconds))"
    self.configuration = PostgresConfiguration(options: options)
    options["connect_timeout"] = "\(Int(Self.patientLimit.components.seconds))"
    self.patientConfiguration = PostgresConfiguration(options: options)
    self.interval = interval
    self.health = health
    self.metrics = metrics
    self.logger = logger
  }

  /// Whether the database is reachable by the current verdict (false until the first).
  public var isReachable: Bool {
    self.verdict.withLock { $0.reachable == true }
  }

  /// The connect and query limits of a probe while the database is reachable.
  static let quickLimits = (connect: Duration.seconds(2), query: Duration.seconds(3))
  /// The connect and query limit of a probe while the verdict is unknown or down.
  static let patientLimit: Duration = .seconds(10)

  /// Probes before the server listens, until the database answers or `patience` has passed, an
  /// interval apart: the server then listens with health SERVING. Only a database still not
  /// answering after `patience` starts it NOT_SERVING. Returns the connection to keep probing on.
  func probeBeforeListening(patience: Duration) async -> Connection? {
    let deadline = ContinuousClock.now + patience
    var connection = await self.probe(nil)
    while !self.isReachable, ContinuousClock.now < deadline, !Task.isCancelled {
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
  /// outcome and returns the connection to reuse next time (nil after a failure). Quick limits
  /// while the database is reachable, patient ones while it is not known to be.
  func probe(_ connection: Connection?) async -> Connection? {
    var connection = connection
    let patient = !self.isReachable
    let queryLimit = patient ? Self.patientLimit : Self.quickLimits.query
    do {
      if connection == nil || connection!.isBroken || connection!.isClosed {
        await connection?.close()
        connection = try await Connection.connect(
          to: patient ? self.patientConfiguration : self.configuration,
          logger: Logger(label: "vetting.db-monitor"))
      }
      try await Self.withTimeout(queryLimit) { [connection] in
        _ = try await connection!.query("SELECT 1")
      }
      self.record(reachable: true, error: nil)
      return connection
    } catch let timeout as ProbeTimeout {
      // The statement may still be running (a stopped server answers neither it nor the
      // cancel request): close the connection in the background, never wait for it here.
      self.record(reachable: false, error: timeout)
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
    var limit: Duration
    var description: String { "SELECT 1 did not answer within \(self.limit)" }
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
        sink.yield(.failure(ProbeTimeout(limit: limit)))
      } catch {}
    }
    var first: Result<Void, any Error> = .failure(ProbeTimeout(limit: limit))
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
