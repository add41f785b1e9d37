public import ArgumentParser

/// The command-line flags of `vetting-server`, as given (strings, unvalidated).
///
/// Every value may also come from an environment variable (``ServerConfiguration/Setting``); a
/// flag wins over the variable, the variable over the default. Values are validated by
/// ``ServerConfiguration/resolve(options:environment:)`` so that a flag and its variable get the
/// same checks and the same error wording.
public struct ServerOptions: ParsableArguments, Sendable {
  @Option(help: "FramedRPC listen address, host:port (env VETTING_LISTEN; default 0.0.0.0:7420).")
  public var listen: String?

  @Option(
    help: "gRPC over HTTP/2 listen address, host:port (env VETTING_GRPC_LISTEN; default: off).")
  public var grpcListen: String?

  @Option(help: "PostgreSQL URL (env VETTING_DATABASE_URL; required).")
  public var databaseURL: String?

  @Option(help: "Most database connections open at once (env VETTING_POOL_SIZE; default 10).")
  public var poolSize: String?

  @Option(help: "Largest frame/message in bytes (env VETTING_MAX_FRAME_SIZE; default 4194304).")
  public var maxFrameSize: String?

  @Option(help: "Streams per connection (env VETTING_MAX_CONCURRENT_STREAMS; default 100).")
  public var maxConcurrentStreams: String?

  @Option(help: "Request metadata bytes per call (env VETTING_MAX_METADATA_BYTES; default 16384).")
  public var maxMetadataBytes: String?

  @Option(help: "Connections open at once (env VETTING_MAX_CONNECTIONS; default 1024).")
  public var maxConnections: String?

  @Option(
    help:
      "Seconds a connection has to send its preface (env VETTING_HANDSHAKE_TIMEOUT; default 10).")
  public var handshakeTimeout: String?

  @Option(help: "Seconds an idle connection is kept (env VETTING_IDLE_TIMEOUT; default 300).")
  public var idleTimeout: String?

  @Option(
    help:
      "TLS certificate chain, PEM, for both listeners (env VETTING_TLS_CERTIFICATE; needs --tls-key)."
  )
  public var tlsCertificate: String?

  @Option(help: "TLS private key, PEM (env VETTING_TLS_KEY; needs --tls-certificate).")
  public var tlsKey: String?

  @Flag(help: "Apply pending database migrations before serving (env VETTING_MIGRATE=true).")
  public var migrate = false

  @Option(
    help:
      "Prometheus /metrics listen address, host:port or 'off' (env VETTING_METRICS_LISTEN; default 127.0.0.1:9420)."
  )
  public var metricsListen: String?

  @Option(
    help: "Seconds between database health probes (env VETTING_DB_CHECK_INTERVAL; default 1).")
  public var dbCheckInterval: String?

  @Option(
    help:
      "Seconds health shows NOT_SERVING before the listeners close on shutdown (env VETTING_NOT_SERVING_DELAY; default 0)."
  )
  public var notServingDelay: String?

  @Option(
    help:
      "Seconds in-flight calls may take to finish on shutdown before they are cancelled (env VETTING_DRAIN_TIMEOUT; default 30)."
  )
  public var drainTimeout: String?

  @Option(
    help:
      "trace, debug, info, notice, warning, error or critical (env VETTING_LOG_LEVEL; default info)."
  )
  public var logLevel: String?

  @Option(
    help: """
      Secret (32+ characters) that signs search page tokens; give every instance behind one \
      address the same (env VETTING_PAGE_TOKEN_KEY; default: random per process).
      """)
  public var pageTokenKey: String?

  @Option(
    help: """
      The rubric version new writes and re-vets score with, e.g. 2026.2 (env \
      VETTING_RUBRIC_VERSION; default 2026.1). See docs/RUBRIC.md on moving to a new version.
      """)
  public var rubricVersion: String?

  @Option(help: .hidden)
  public var debugCallDelay: String?

  public init() {}
}
