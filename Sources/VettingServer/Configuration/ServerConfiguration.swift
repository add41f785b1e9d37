public import Foundation
public import FramedRPC
public import Logging
public import VettingCore

/// Everything `vetting-server` needs to run, validated.
///
/// Built from flags and environment variables by ``resolve(options:environment:)``; tests and
/// embedders may also fill it in directly.
public struct ServerConfiguration: Sendable {
  /// Where FramedRPC listens (port 0: any free port).
  public var listen: FramedRPCAddress
  /// Where gRPC over HTTP/2 listens; nil: not served.
  public var grpcListen: FramedRPCAddress?
  /// The PostgreSQL URL (a libpq connection string or `postgresql://` URL).
  public var databaseURL: String
  /// Most database connections open at once.
  public var poolSize: Int
  /// Largest frame (and message), bytes; also the HTTP/2 transport's largest request message.
  public var maxFrameSize: Int
  /// Streams open at once on one FramedRPC connection (also HTTP/2's max concurrent streams).
  public var maxConcurrentStreams: Int
  /// Largest request metadata per call, bytes.
  public var maxMetadataBytes: Int
  /// FramedRPC connections open at once.
  public var maxConnections: Int
  /// Time a new connection has to send its preface.
  public var handshakeTimeout: Duration
  /// Time a connection may stay without an open stream.
  public var idleTimeout: Duration
  /// Apply pending migrations at start.
  public var migrate: Bool
  /// Where `/metrics` is served; nil: not served.
  public var metricsListen: FramedRPCAddress?
  /// Time between database probes.
  public var databaseCheckInterval: Duration
  /// Time health shows NOT_SERVING before the listeners stop accepting, on shutdown.
  public var notServingDelay: Duration
  /// Time in-flight calls get to finish on shutdown before they are cancelled.
  public var drainTimeout: Duration
  /// Lowest level logged.
  public var logLevel: Logger.Level
  /// Fault injection for tests: every call to a vetting service waits this long before it is
  /// handled, so that a test can have a call in flight when it signals the server. Zero in
  /// production; set only through the hidden `--debug-call-delay` flag.
  public var debugCallDelay: Duration
  /// TLS for both listeners; nil serves plaintext.
  public var tls: TLSFiles?
  /// Signs search page tokens so that a token from one instance (or before a restart) is
  /// accepted by another; nil: a random key per process.
  public var pageTokenKey: Data?
  /// The rubric new writes and re-vets score with.
  public var rubric: Rubric

  /// A configuration with every default and the given database.
  public init(databaseURL: String) {
    self.listen = FramedRPCAddress(host: "0.0.0.0", port: 7420)
    self.grpcListen = nil
    self.databaseURL = databaseURL
    self.poolSize = 10
    self.maxFrameSize = 4 << 20
    self.maxConcurrentStreams = 100
    self.maxMetadataBytes = 16 << 10
    self.maxConnections = 1024
    self.handshakeTimeout = .seconds(10)
    self.idleTimeout = .seconds(300)
    self.migrate = false
    self.metricsListen = FramedRPCAddress(host: "127.0.0.1", port: 9420)
    self.databaseCheckInterval = .seconds(1)
    self.notServingDelay = .zero
    self.drainTimeout = .seconds(30)
    self.logLevel = .info
    self.debugCallDelay = .zero
    self.tls = nil
    self.pageTokenKey = nil
    self.rubric = .current
  }

  /// The FramedRPC transport limits and TLS this configuration asks for.
  /// - Throws: ``ConfigurationError`` when the TLS files cannot be used.
  public func framedRPCConfig() throws -> FramedRPCServerTransport.Config {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxFrameSize = self.maxFrameSize
    config.maxConcurrentStreams = self.maxConcurrentStreams
    config.maxMetadataBytes = self.maxMetadataBytes
    config.maxConnections = self.maxConnections
    config.handshakeTimeout = self.handshakeTimeout
    config.idleTimeout = self.idleTimeout
    config.tls = try self.tls?.makeServerContext()
    return config
  }
}
