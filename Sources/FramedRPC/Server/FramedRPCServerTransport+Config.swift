import NIOCore
import NIOPosix
import NIOSSL

extension FramedRPCServerTransport {
  /// Limits and timeouts of a FramedRPC server. Every default is safe for a public port.
  public struct Config: Sendable {
    /// Largest frame payload accepted, in bytes; checked on the declared length before any
    /// payload is buffered. A bigger frame gets GOAWAY `FRAME_TOO_LARGE` and the connection is
    /// closed. Also the largest message. Default 4 MiB.
    public var maxFrameSize: Int
    /// Streams open at once on one connection; a stream beyond it is refused with
    /// RESOURCE_EXHAUSTED. Default 100.
    public var maxConcurrentStreams: Int
    /// Largest request metadata (key plus value bytes, summed) in one HEADERS frame; more is
    /// refused with RESOURCE_EXHAUSTED. Default 16 KiB.
    public var maxMetadataBytes: Int
    /// Connections open at once; a connection beyond it gets GOAWAY `TOO_MANY_CONNECTIONS` after
    /// its preface and is closed. Default 1024.
    public var maxConnections: Int
    /// Time a new connection has to send its preface before it is closed. Default 10 s.
    public var handshakeTimeout: Duration
    /// Time a connection may stay without any open stream before it gets GOAWAY
    /// `IDLE_TIMEOUT` and is closed. Default 5 minutes.
    public var idleTimeout: Duration
    /// Request bytes queued for one stream whose handler has not consumed them, beyond which
    /// the server stops reading the connection until it does. Default 1 MiB.
    public var maxBufferedRequestBytes: Int
    /// Response bytes queued per connection beyond which handlers' writes suspend until the
    /// socket drains. Default 256 KiB.
    public var outboundHighWatermark: Int
    /// Event loops for the listener and connections. Default: NIO's shared singleton.
    public var eventLoopGroup: any EventLoopGroup
    /// TLS for every connection (FRAMING.md §2.1): the handshake comes first and the preface and
    /// frames travel inside it. Default nil: plaintext.
    public var tls: NIOSSLContext? = nil

    /// The defaults listed on each property.
    public static var defaults: Config {
      Config(
        maxFrameSize: 4 << 20,
        maxConcurrentStreams: 100,
        maxMetadataBytes: 16 << 10,
        maxConnections: 1024,
        handshakeTimeout: .seconds(10),
        idleTimeout: .seconds(300),
        maxBufferedRequestBytes: 1 << 20,
        outboundHighWatermark: 256 << 10,
        eventLoopGroup: MultiThreadedEventLoopGroup.singleton
      )
    }

    public init(
      maxFrameSize: Int,
      maxConcurrentStreams: Int,
      maxMetadataBytes: Int,
      maxConnections: Int,
      handshakeTimeout: Duration,
      idleTimeout: Duration,
      maxBufferedRequestBytes: Int,
      outboundHighWatermark: Int,
      eventLoopGroup: any EventLoopGroup
    ) {
      self.maxFrameSize = maxFrameSize
      self.maxConcurrentStreams = maxConcurrentStreams
      self.maxMetadataBytes = maxMetadataBytes
      self.maxConnections = maxConnections
      self.handshakeTimeout = handshakeTimeout
      self.idleTimeout = idleTimeout
      self.maxBufferedRequestBytes = maxBufferedRequestBytes
      self.outboundHighWatermark = outboundHighWatermark
      self.eventLoopGroup = eventLoopGroup
    }
  }
}
