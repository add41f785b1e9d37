import FramedRPC
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import LibPQ
import Logging
import RPCBuiltins
import ServiceLifecycle
import VettingStore

/// The running server as a swift-service-lifecycle `Service`.
///
/// `run()` connects the pool (and migrates when asked), probes the database, binds `/metrics`,
/// serves FramedRPC (and gRPC/HTTP2 when configured), and probes the database every interval.
/// On graceful shutdown (SIGTERM/SIGINT through the `ServiceGroup`): health turns NOT_SERVING,
/// after `notServingDelay` the listeners stop accepting, in-flight calls finish (the group
/// cancels them after `drainTimeout`), then the monitor stops, the pool closes and `/metrics`
/// stops listening.
public final class VettingServerRuntime: Service {
  public let configuration: ServerConfiguration
  /// The metrics `/metrics` serves.
  public let metrics: ServerMetrics
  /// The health statuses the health service answers from.
  public let health: HealthStatusManager
  private let makeServices: ApplicationServices.Factory
  private let logger: Logger

  public init(
    configuration: ServerConfiguration,
    logger: Logger,
    services makeServices: @escaping ApplicationServices.Factory
  ) {
    self.configuration = configuration
    self.metrics = ServerMetrics()
    self.health = HealthStatusManager()
    self.makeServices = makeServices
    self.logger = logger
  }

  public func run() async throws {
    let config = self.configuration
    let postgres: PostgresConfiguration
    do {
      postgres = try PostgresConfiguration(config.databaseURL)
    } catch {
      throw ConfigurationError(
        "--database-url (VETTING_DATABASE_URL): not a usable PostgreSQL URL: \(error)",
        code: .invalidValue)
    }
    let pool = ConnectionPool(
      configuration: postgres,
      options: ConnectionPool.Options(maximumConnections: config.poolSize),
      logger: Logger(label: "vetting.pool"))
    do {
      try await self.serve(pool: pool, postgres: postgres)
    } catch {
      await pool.close()
      throw error
    }
    await pool.close()
    self.logger.info("database pool closed; stopped")
  }

  private func serve(pool: ConnectionPool, postgres: PostgresConfiguration) async throws {
    let config = self.configuration
    self.logger.info(
      "database", metadata: ["url": "\(postgres)", "pool_size": "\(config.poolSize)"])
    if config.migrate {
      let report = try await pool.withConnection { connection in
        try await MigrationRunner().migrate(on: connection)
      }
      self.logger.notice(
        "migrations applied",
        metadata: [
          "applied": "\(report.applied.map(\.version))",
          "already_applied": "\(report.alreadyApplied.count)",
        ])
    }

    let monitor = DatabaseMonitor(
      configuration: postgres, interval: config.databaseCheckInterval, health: self.health,
      metrics: self.metrics, logger: self.logger)
    let application = self.makeServices(pool, self.logger)
    var interceptors: [any ServerInterceptor] = [
      DatabaseAvailabilityInterceptor(monitor: monitor)
    ]
    if config.debugCallDelay > .zero {
      self.logger.warning(
        "debug: every vetting call is delayed", metadata: ["delay": "\(config.debugCallDelay)"])
      interceptors.append(CallDelayInterceptor(delay: config.debugCallDelay))
    }
    interceptors += application.interceptors

    // Both listeners keep the same promises (docs/SERVER.md, "The two listeners"): calls are
    // counted around the transport's stream handler (MeteredServerTransport), a cancelled or
    // timed-out call cancels its handler's task (FramedRPC does that itself; HTTP/2 through
    // CancellingServerTransport), and a call over the metadata limit is refused alone (FramedRPC
    // in its connection; HTTP/2 in MetadataLimitInterceptor, below the HTTP/2 library's own cap).
    let framedTransport = FramedRPCServerTransport(
      address: config.listen, config: try config.framedRPCConfig())
    let framedMetered = MeteredServerTransport(framedTransport, metrics: self.metrics)
    let framed = GRPCServer(
      transport: framedMetered,
      services: BuiltinServices.services(
        serving: application.services, health: self.health,
        transport: MeteredServerTransport<FramedRPCServerTransport>.self),
      interceptors: interceptors)
    typealias HTTP2Listener = MeteredServerTransport<
      CancellingServerTransport<HTTP2ServerTransport.Posix>
    >
    let metrics = self.metrics
    var http2Transport: HTTP2ServerTransport.Posix?
    var http2Metered: HTTP2Listener?
    let http2Connections = HTTP2Connections()
    let http2: GRPCServer<HTTP2Listener>? = config.grpcListen.map { address in
      let transport = HTTP2ServerTransport.Posix(
        address: address.host.contains(":")
          ? .ipv6(host: address.host, port: address.port)
          : .ipv4(host: address.host, port: address.port),
        transportSecurity: config.tls?.http2Security ?? .plaintext,
        config: .defaults { transportConfig in
          transportConfig.rpc.maxRequestPayloadSize = config.maxFrameSize
          transportConfig.http2.maxConcurrentStreams = config.maxConcurrentStreams
          transportConfig.channelDebuggingCallbacks.onAcceptTCPConnection =
            http2Connections.trackConnection
          transportConfig.channelDebuggingCallbacks.onAcceptHTTP2Stream =
            http2Connections.trackStream
        })
      http2Transport = transport
      let metered = MeteredServerTransport(CancellingServerTransport(transport), metrics: metrics)
      http2Metered = metered
      return GRPCServer(
        transport: metered,
        services: BuiltinServices.services(
          serving: application.services, health: self.health,
          transport: HTTP2Listener.self),
        interceptors: [MetadataLimitInterceptor(maxBytes: config.maxMetadataBytes)]
          + interceptors)
    }

    // Probe before listening until the database answers (or for at most 20 s), so health and
    // the availability check are right from the first call.
    let probeConnection = await monitor.probeBeforeListening(patience: .seconds(20))

    var metricsServer: MetricsHTTPServer?
    if let address = config.metricsListen {
      let metrics = self.metrics
      metricsServer = try await MetricsHTTPServer.bind(address) { [pool] in
        metrics.update(pool: pool.statistics)
        return metrics.registry.emitToBuffer()
      }
      self.logger.notice(
        "metrics listening", metadata: ["address": "http://\(metricsServer!.address)/metrics"])
    }

    let health = self.health
    let tls = config.tls == nil ? "off" : "on"
    let notServingDelay = config.notServingDelay
    let logger = self.logger
    var watched = [
      DrainWatch.Listener(
        name: "FramedRPC", calls: { framedMetered.callsInFlight },
        connections: { framedTransport.openConnectionCount }, streams: nil)
    ]
    if let http2Metered {
      watched.append(
        DrainWatch.Listener(
          name: "gRPC/HTTP2", calls: { http2Metered.callsInFlight },
          connections: { http2Connections.connectionCount },
          streams: { http2Connections.streamCount }))
    }
    let watch = DrainWatch(listeners: watched, logger: logger)
    try await withGracefulShutdownHandler {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await monitor.run(initial: probeConnection) }
        try await withThrowingDiscardingTaskGroup { servers in
          servers.addTask {
            try await framed.serve()
            watch.listenerClosed("FramedRPC")
          }
          servers.addTask {
            let address = try await framedTransport.listeningAddress
            logger.notice(
              "FramedRPC listening", metadata: ["address": "\(address)", "tls": "\(tls)"])
          }
          if let http2, let http2Transport {
            servers.addTask {
              try await http2.serve()
              watch.listenerClosed("gRPC/HTTP2")
            }
            servers.addTask {
              let address = try await http2Transport.listeningAddress
              let shown =
                address.ipv4.map { "\($0.host):\($0.port)" }
                ?? address.ipv6.map { "[\($0.host)]:\($0.port)" } ?? "\(address)"
              logger.notice(
                "gRPC/HTTP2 listening", metadata: ["address": "\(shown)", "tls": "\(tls)"])
            }
          }
        }
        logger.info("listeners closed and in-flight calls drained")
        group.cancelAll()
      }
    } onGracefulShutdown: {
      logger.notice("shutting down: health NOT_SERVING, draining in-flight calls")
      Task {
        await framed.beginGracefulShutdown(health: health, notServingDelay: notServingDelay)
        await http2?.beginGracefulShutdown(health: health, notServingDelay: .zero)
        if http2 != nil {
          // A client that never answers the GOAWAY's PING would hold the drain to its timeout.
          Task {
            await http2Connections.closeIdleWhileDraining(
              grace: .seconds(2), interval: .milliseconds(500)
            ) { count in
              logger.info(
                "closed gRPC/HTTP2 connections with no stream open that had not closed after GOAWAY",
                metadata: ["connections": "\(count)"])
            }
          }
        }
        // A slow drain names what it waits for (docs/SERVER.md, "Signals and shutdown").
        await watch.report(every: .seconds(5))
      }
    }
    await metricsServer?.close()
  }
}
