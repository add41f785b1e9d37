import GRPCCore
import LibPQ
public import Prometheus

/// The server's Prometheus metrics and the registry `/metrics` renders.
///
/// Names (all prefixed `vetting_`):
/// - `rpc_started_total{method}`: calls received.
/// - `rpc_handled_total{method,code}`: calls finished, by gRPC status code (`ok`, `unavailable`…).
/// - `rpc_errors_total{method,code}`: calls finished with a status other than OK.
/// - `rpc_duration_seconds{method}`: histogram of call latency (start to trailers).
/// - `rpc_in_flight_calls`: calls being handled now.
/// - `db_up_status`: 1 while the database answers the health probe, else 0.
/// - `db_pool_open_connections`, `db_pool_idle_connections`, `db_pool_waiting_borrowers`,
///   `db_pool_opened_connections`, `db_pool_discarded_connections`: the connection pool.
public final class ServerMetrics: Sendable {
  /// The registry every metric is registered with.
  public let registry: PrometheusCollectorRegistry
  private let inFlight: Gauge
  private let databaseUp: Gauge
  private let poolOpen: Gauge
  private let poolIdle: Gauge
  private let poolWaiting: Gauge
  private let poolOpened: Gauge
  private let poolDiscarded: Gauge

  /// Latency buckets: 1 ms to 10 s.
  static let buckets: [Duration] = [
    .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
    .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
    .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
  ]

  public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
    self.registry = registry
    func gauge(_ name: String, _ unit: String, _ help: String) -> Gauge {
      registry.makeGauge(
        descriptor: MetricNameDescriptor(
          namespace: "vetting", metricName: name, unitName: unit, helpText: help))
    }
    self.inFlight = gauge("rpc_in_flight", "calls", "Calls being handled now.")
    self.databaseUp = gauge("db_up", "status", "1 while the database answers its probe.")
    self.poolOpen = gauge("db_pool_open", "connections", "Pool connections open.")
    self.poolIdle = gauge("db_pool_idle", "connections", "Pool connections idle.")
    self.poolWaiting = gauge("db_pool_waiting", "borrowers", "Tasks waiting for a connection.")
    self.poolOpened = gauge(
      "db_pool_opened", "connections", "Connections the pool has opened since start.")
    self.poolDiscarded = gauge(
      "db_pool_discarded", "connections", "Broken connections the pool has discarded.")
  }

  func callStarted(method: String) {
    self.counter("rpc_started", "Calls received.", ("method", method)).increment()
    self.inFlight.increment(by: 1)
  }

  func callFinished(method: String, code: RPCError.Code?, duration: Duration) {
    self.inFlight.decrement(by: 1)
    let codeName = code.map(Self.name(of:)) ?? "ok"
    self.counter(
      "rpc_handled", "Calls finished, by status code.", ("method", method), ("code", codeName)
    ).increment()
    if code != nil {
      self.counter(
        "rpc_errors", "Calls finished with a status other than OK.", ("method", method),
        ("code", codeName)
      ).increment()
    }
    self.registry.makeDurationHistogram(
      descriptor: MetricNameDescriptor(
        namespace: "vetting", metricName: "rpc_duration", unitName: "seconds",
        helpText: "Call latency, from the request to the trailers."),
      labels: [("method", method)],
      buckets: Self.buckets
    ).record(duration)
  }

  /// Records the database verdict (reachable or not) of the monitor.
  func setDatabaseUp(_ up: Bool) {
    self.databaseUp.set(to: up ? 1.0 : 0.0)
  }

  /// Copies the pool's statistics into the gauges (called before each scrape).
  func update(pool: ConnectionPool.Statistics) {
    self.poolOpen.set(to: Double(pool.open))
    self.poolIdle.set(to: Double(pool.idle))
    self.poolWaiting.set(to: Double(pool.waiting))
    self.poolOpened.set(to: Double(pool.opened))
    self.poolDiscarded.set(to: Double(pool.discarded))
  }

  private func counter(
    _ name: String, _ help: String, _ labels: (String, String)...
  ) -> Counter {
    self.registry.makeCounter(
      descriptor: MetricNameDescriptor(
        namespace: "vetting", metricName: name, unitName: "total", helpText: help),
      labels: labels)
  }

  /// gRPC's canonical upper-case-free names: `ok`, `invalid_argument`, `unavailable`…
  static func name(of code: RPCError.Code) -> String {
    switch code {
    case .cancelled: "cancelled"
    case .unknown: "unknown"
    case .invalidArgument: "invalid_argument"
    case .deadlineExceeded: "deadline_exceeded"
    case .notFound: "not_found"
    case .alreadyExists: "already_exists"
    case .permissionDenied: "permission_denied"
    case .resourceExhausted: "resource_exhausted"
    case .failedPrecondition: "failed_precondition"
    case .aborted: "aborted"
    case .outOfRange: "out_of_range"
    case .unimplemented: "unimplemented"
    case .internalError: "internal"
    case .unavailable: "unavailable"
    case .dataLoss: "data_loss"
    case .unauthenticated: "unauthenticated"
    default: "code_\(code.rawValue)"
    }
  }
}
