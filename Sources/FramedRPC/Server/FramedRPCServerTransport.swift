import GRPCCore
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A GRPCCore server transport speaking FramedRPC (see `proto-spec/FRAMING.md`) over TCP.
///
/// ```swift
/// let transport = FramedRPCServerTransport(address: .init(host: "127.0.0.1", port: 0))
/// let server = GRPCServer(transport: transport, services: [MyService()])
/// // in a task: try await server.serve()
/// let port = try await transport.listeningAddress.port
/// ```
///
/// Graceful shutdown (`GRPCServer.beginGracefulShutdown()`) stops accepting connections, sends
/// GOAWAY on every connection, lets the open RPCs finish and refuses new ones with UNAVAILABLE.
public final class FramedRPCServerTransport: ServerTransport, Sendable {
  public typealias Bytes = [UInt8]

  private enum Phase {
    case notStarted
    case binding
    case listening(any Channel, FramedRPCAddress)
    case stopped
  }

  private struct State {
    var phase = Phase.notStarted
    var addressWaiters: [CheckedContinuation<FramedRPCAddress, any Error>] = []
    var bindError: (any Error)?
    var connections: [ObjectIdentifier: ServerConnection] = [:]
    var shuttingDown = false
    var singleResponseMethods: Set<String> = []
  }

  /// Where the server was asked to listen (port 0: any free port).
  public let address: FramedRPCAddress
  /// The server's limits and timeouts.
  public let config: Config
  private let state = Mutex(State())

  /// A transport that will listen on `address` once `listen(streamHandler:)` runs.
  public init(address: FramedRPCAddress, config: Config = .defaults) {
    self.address = address
    self.config = config
  }

  /// The address the server is bound to, once it is; waits for the bind. Throws if binding
  /// failed or the transport stopped before binding.
  public var listeningAddress: FramedRPCAddress {
    get async throws {
      try await withCheckedThrowingContinuation { continuation in
        let result: Result<FramedRPCAddress, any Error>? = self.state.withLock { state in
          switch state.phase {
          case .listening(_, let address):
            return .success(address)
          case .stopped:
            return .failure(
              state.bindError
                ?? FramedRPCError(code: .notRunning, message: "the server transport has stopped")
            )
          case .notStarted, .binding:
            state.addressWaiters.append(continuation)
            return nil
          }
        }
        if let result { continuation.resume(with: result) }
      }
    }
  }

  /// Connections currently open (including those still handshaking), for tests and metrics.
  public var openConnectionCount: Int {
    self.state.withLock { $0.connections.count }
  }

  public func configure(context: GRPCServerContext) {
    let single = context.methods.filter { method in
      method.type.map { !$0.isResponseStreaming } ?? false
    }
    self.state.withLock {
      $0.singleResponseMethods = Set(single.map(\.fullyQualifiedMethod))
    }
  }

  public func listen(
    streamHandler:
      @escaping @Sendable (
        _ stream: RPCStream<Inbound, Outbound>,
        _ context: ServerContext
      ) async -> Void
  ) async throws {
    let alreadyStopped = self.state.withLock { state in
      guard case .notStarted = state.phase, !state.shuttingDown else { return true }
      state.phase = .binding
      return false
    }
    if alreadyStopped {
      throw FramedRPCError(
        code: .notRunning,
        message: "listen(streamHandler:) was called twice or after shutdown"
      )
    }

    let serverChannel: NIOAsyncChannel<ServerConnection, Never>
    do {
      serverChannel = try await self.bind(streamHandler: streamHandler)
    } catch {
      self.stop(error: error)
      throw error
    }

    let port = serverChannel.channel.localAddress?.port ?? self.address.port
    let bound = FramedRPCAddress(host: self.address.host, port: port)
    let (waiters, shutDownEarly) = self.state.withLock { state in
      state.phase = .listening(serverChannel.channel, bound)
      let waiters = state.addressWaiters
      state.addressWaiters = []
      return (waiters, state.shuttingDown)
    }
    for waiter in waiters { waiter.resume(returning: bound) }
    if shutDownEarly { serverChannel.channel.close(promise: nil) }

    defer { self.stop(error: nil) }
    try await serverChannel.executeThenClose { connections in
      await withDiscardingTaskGroup { group in
        do {
          for try await connection in connections {
            group.addTask {
              await self.serve(connection)
            }
          }
        } catch {
          // The listener failed or was cancelled; open connections are drained below.
        }
      }
    }
  }

  public func beginGracefulShutdown() {
    let (listener, connections) = self.state.withLock {
      state -> ((any Channel)?, [ServerConnection]) in
      state.shuttingDown = true
      if case .listening(let channel, _) = state.phase {
        return (channel, Array(state.connections.values))
      }
      return (nil, Array(state.connections.values))
    }
    listener?.close(promise: nil)
    for connection in connections {
      connection.beginGracefulShutdown()
    }
  }

  private func bind(
    streamHandler: @escaping ServerConnection.StreamHandler
  ) async throws -> NIOAsyncChannel<ServerConnection, Never> {
    let config = self.config
    return try await ServerBootstrap(group: config.eventLoopGroup)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .serverChannelOption(.backlog, value: 256)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .bind(host: self.address.host, port: self.address.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try Self.addConnectionHandlers(to: channel, config: config) { outbound in
            self.register(channel: channel) { singleResponseMethods, overLimit in
              ServerConnection(
                channel: channel,
                outbound: outbound,
                config: config,
                singleResponseMethods: singleResponseMethods,
                overConnectionLimit: overLimit,
                streamHandler: streamHandler
              )
            }
          }
        }
      }
  }

  /// Builds one accepted connection's pipeline; on the channel's event loop. The fuzz targets
  /// (`Fuzz/`) run exactly this pipeline on an in-memory channel.
  static func addConnectionHandlers(
    to channel: any Channel,
    config: Config,
    makeConnection: (OutboundFrameQueue) -> ServerConnection
  ) throws -> ServerConnection {
    let sync = channel.pipeline.syncOperations
    if let tls = config.tls {
      // First in the pipeline: the handshake timeout below also bounds the TLS handshake.
      try sync.addHandler(NIOSSLServerHandler(context: tls))
    }
    try sync.addHandler(
      ByteToMessageHandler(FrameDecoder(role: .server, maxFrameSize: config.maxFrameSize))
    )
    try sync.addHandler(HandshakeTimeoutHandler(timeout: config.handshakeTimeout.timeAmount))
    let outbound = OutboundFrameQueue(highWatermark: config.outboundHighWatermark)
    try sync.addHandler(FrameWriterHandler(queue: outbound))
    // The connection exists before the first byte is read: the handler below dispatches its
    // frames on the event loop, with no task in between.
    let connection = makeConnection(outbound)
    try sync.addHandler(FrameDispatchHandler(receiver: connection))
    return connection
  }

  /// Counts a new connection against `maxConnections` and keeps it (for graceful shutdown and
  /// `openConnectionCount`) until its channel closes.
  private func register(
    channel: any Channel,
    _ make: (_ singleResponseMethods: Set<String>, _ overLimit: Bool) -> ServerConnection
  ) -> ServerConnection {
    let (connection, shuttingDown) = self.state.withLock { state in
      let overLimit = state.connections.count >= self.config.maxConnections
      let connection = make(state.singleResponseMethods, overLimit)
      state.connections[ObjectIdentifier(connection)] = connection
      return (connection, state.shuttingDown)
    }
    if shuttingDown {
      connection.beginGracefulShutdown()
    }
    let key = ObjectIdentifier(connection)
    channel.closeFuture.whenComplete { _ in
      _ = self.state.withLock { $0.connections.removeValue(forKey: key) }
    }
    return connection
  }

  /// Runs until the connection has closed and its handlers have returned.
  private func serve(_ connection: ServerConnection) async {
    await connection.run()
  }

  private func stop(error: (any Error)?) {
    let waiters = self.state.withLock { state in
      state.phase = .stopped
      if state.bindError == nil { state.bindError = error }
      let waiters = state.addressWaiters
      state.addressWaiters = []
      return waiters
    }
    let failure =
      error ?? FramedRPCError(code: .notRunning, message: "the server transport has stopped")
    for waiter in waiters { waiter.resume(throwing: failure) }
  }
}
