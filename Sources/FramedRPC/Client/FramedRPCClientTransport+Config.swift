import GRPCCore
import NIOCore
import NIOPosix
import NIOSSL

extension FramedRPCClientTransport {
  /// Limits, timeouts and policies of a FramedRPC client.
  public struct Config: Sendable {
    /// Largest frame payload accepted from the server; a bigger frame closes the connection
    /// (its calls fail with UNAVAILABLE). Also the largest request message. Default 4 MiB.
    public var maxFrameSize: Int
    /// Largest response metadata (key plus value bytes) in one HEADERS or TRAILERS frame; more
    /// fails that call with RESOURCE_EXHAUSTED. Default 16 KiB.
    public var maxMetadataBytes: Int
    /// Time to open the TCP connection and receive the server's preface. Default 10 s.
    public var connectTimeout: Duration
    /// Interval between keepalive PINGs; nil disables keepalive. Default 30 s.
    public var keepaliveInterval: Duration?
    /// Time to wait for the PONG before the connection is considered dead. Default 10 s.
    public var keepaliveTimeout: Duration
    /// Reconnection backoff: first delay. Default 100 ms.
    public var backoffInitial: Duration
    /// Reconnection backoff: growth per failed attempt. Default 1.6.
    public var backoffMultiplier: Double
    /// Reconnection backoff: largest delay. Default 10 s.
    public var backoffMax: Duration
    /// Reconnection backoff: random spread, as a fraction of the delay. Default 0.2.
    public var backoffJitter: Double
    /// Response bytes queued for one call whose caller has not consumed them, beyond which the
    /// client stops reading the connection until it does. Default 1 MiB.
    public var maxBufferedResponseBytes: Int
    /// Request bytes queued per connection beyond which writers suspend. Default 256 KiB.
    public var outboundHighWatermark: Int
    /// Per-method configuration (timeouts, retries) returned by `config(forMethod:)`.
    public var methodConfigs: [MethodConfig]
    /// The retry throttle GRPCCore consults; nil disables throttling. Default: none.
    public var retryThrottle: RetryThrottle?
    /// Event loops for connections. Default: NIO's shared singleton.
    public var eventLoopGroup: any EventLoopGroup
    /// TLS for the connection (FRAMING.md §2.1). Default nil: plaintext.
    public var tls: TLS? = nil

    /// The defaults listed on each property.
    public static var defaults: Config {
      Config(
        maxFrameSize: 4 << 20,
        maxMetadataBytes: 16 << 10,
        connectTimeout: .seconds(10),
        keepaliveInterval: .seconds(30),
        keepaliveTimeout: .seconds(10),
        backoffInitial: .milliseconds(100),
        backoffMultiplier: 1.6,
        backoffMax: .seconds(10),
        backoffJitter: 0.2,
        maxBufferedResponseBytes: 1 << 20,
        outboundHighWatermark: 256 << 10,
        methodConfigs: [],
        retryThrottle: nil,
        eventLoopGroup: MultiThreadedEventLoopGroup.singleton
      )
    }

    public init(
      maxFrameSize: Int,
      maxMetadataBytes: Int,
      connectTimeout: Duration,
      keepaliveInterval: Duration?,
      keepaliveTimeout: Duration,
      backoffInitial: Duration,
      backoffMultiplier: Double,
      backoffMax: Duration,
      backoffJitter: Double,
      maxBufferedResponseBytes: Int,
      outboundHighWatermark: Int,
      methodConfigs: [MethodConfig],
      retryThrottle: RetryThrottle?,
      eventLoopGroup: any EventLoopGroup
    ) {
      self.maxFrameSize = maxFrameSize
      self.maxMetadataBytes = maxMetadataBytes
      self.connectTimeout = connectTimeout
      self.keepaliveInterval = keepaliveInterval
      self.keepaliveTimeout = keepaliveTimeout
      self.backoffInitial = backoffInitial
      self.backoffMultiplier = backoffMultiplier
      self.backoffMax = backoffMax
      self.backoffJitter = backoffJitter
      self.maxBufferedResponseBytes = maxBufferedResponseBytes
      self.outboundHighWatermark = outboundHighWatermark
      self.methodConfigs = methodConfigs
      self.retryThrottle = retryThrottle
      self.eventLoopGroup = eventLoopGroup
    }
  }
}
