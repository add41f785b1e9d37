import GRPCCore
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A GRPCCore client transport speaking FramedRPC (see `proto-spec/FRAMING.md`) over TCP.
///
/// ```swift
/// let transport = FramedRPCClientTransport(target: .init(host: "127.0.0.1", port: port))
/// try await withGRPCClient(transport: transport) { client in
///   let echo = Echo.Client(wrapping: client)
///   ...
/// }
/// ```
///
/// Keeps one connection to the target and multiplexes every call over it. When the connection
/// closes or the server sends GOAWAY, a new one is opened; failed attempts are retried with
/// exponential backoff while calls fail fast with UNAVAILABLE.
public final class FramedRPCClientTransport: ClientTransport, Sendable {
  public typealias Bytes = [UInt8]

  private enum Phase {
    case idle
    case connecting
    case ready(ClientConnection)
    case transientFailure(RPCError)
    case shutdown
  }

  private enum LoopEvent: Sendable {
    case ready(UInt64)
    case unusable(UInt64)
    case backoffElapsed(UInt64)
    case shutdown
  }

  private struct State {
    var phase = Phase.idle
    var waiters: [UInt64: CheckedContinuation<ClientConnection, any Error>] = [:]
    var nextWaiterID: UInt64 = 0
    var events: AsyncStream<LoopEvent>.Continuation?
    var connections: [ObjectIdentifier: ClientConnection] = [:]
    var connectCalled = false
    var shuttingDown = false
  }

  /// The server this transport connects to.
  public let target: FramedRPCAddress
  /// The client's limits, timeouts and policies.
  public let config: Config
  private let state = Mutex(State())

  /// A transport for `target`; it connects once `connect()` runs (GRPCClient does that).
  public init(target: FramedRPCAddress, config: Config = .defaults) {
    self.target = target
    self.config = config
  }

  public var retryThrottle: RetryThrottle? {
    self.config.retryThrottle
  }

  public func config(forMethod descriptor: MethodDescriptor) -> MethodConfig? {
    let service = descriptor.service.fullyQualifiedService
    func matches(_ name: MethodConfig.Name) -> Bool {
      name.service == service && name.method == descriptor.method
    }
    if let exact = self.config.methodConfigs.first(where: { $0.names.contains(where: matches) }) {
      return exact
    }
    if let serviceWide = self.config.methodConfigs.first(where: {
      $0.names.contains { $0.service == service && $0.method.isEmpty }
    }) {
      return serviceWide
    }
    return self.config.methodConfigs.first { $0.names.contains { $0.service.isEmpty } }
  }

  public func connect() async throws {
    let (events, continuation) = AsyncStream.makeStream(of: LoopEvent.self)
    let proceed = self.state.withLock { state in
      guard !state.connectCalled, !state.shuttingDown else { return false }
      state.connectCalled = true
      state.events = continuation
      return true
    }
    guard proceed else {
      throw RPCError(
        code: .failedPrecondition,
        message: "connect() was called twice or after shutdown on the transport to \(self.target)"
      )
    }
    defer { continuation.finish() }

    await withDiscardingTaskGroup { group in
      var backoff = ConnectionBackoff(
        initial: self.config.backoffInitial,
        multiplier: self.config.backoffMultiplier,
        maximum: self.config.backoffMax,
        jitter: self.config.backoffJitter
      )
      var iterator = events.makeAsyncIterator()
      var attempt: UInt64 = 0
      attempts: while self.startAttempt() {
        attempt += 1
        let id = attempt
        group.addTask {
          await self.runConnection(id: id, events: continuation)
        }
        var readyAt: ContinuousClock.Instant?
        // `next()` returns nil when the task running `connect()` is cancelled (GRPCClient cancels
        // it when its owner's scope exits by throwing): that is a shutdown too. Treating it as an
        // ended attempt would retry at once, forever, adding a task per turn.
        waiting: while true {
          guard let event = await iterator.next() else { break attempts }
          switch event {
          case .ready(let readyID) where readyID == id:
            readyAt = .now
          case .unusable(let unusableID) where unusableID == id:
            break waiting
          case .shutdown:
            break attempts
          default:
            continue
          }
        }
        // A connection that served for a while earns an immediate reconnect and a fresh backoff.
        // One that the server closed right after the handshake (a GOAWAY at once, a peer that
        // accepts and drops) is a failed attempt like any other: reconnecting at once would spin,
        // opening connections as fast as the loop runs.
        if let readyAt, ContinuousClock.now - readyAt >= Self.stableConnection {
          backoff.reset()
          continue
        }
        let delay = backoff.nextDelay()
        let timer = Task {
          try? await Task.sleep(for: delay)
          continuation.yield(.backoffElapsed(id))
        }
        backingOff: while true {
          guard let event = await iterator.next() else {
            timer.cancel()
            break attempts
          }
          switch event {
          case .backoffElapsed(let elapsedID) where elapsedID == id:
            break backingOff
          case .shutdown:
            timer.cancel()
            break attempts
          default:
            continue
          }
        }
      }
      // Shutting down: live connections close once their calls finish. When the loop ended because
      // `connect()` was cancelled, nobody called `beginGracefulShutdown()`: do it here so callers
      // waiting for a connection are failed rather than left suspended.
      if Task.isCancelled { self.beginGracefulShutdown() }
    }
  }

  /// How long a connection must have been ready for its loss to reset the reconnect backoff.
  static let stableConnection: Duration = .seconds(1)

  public func beginGracefulShutdown() {
    let (waiters, connections, events) = self.state.withLock { state in
      state.shuttingDown = true
      state.phase = .shutdown
      let waiters = Array(state.waiters.values)
      state.waiters = [:]
      return (waiters, Array(state.connections.values), state.events)
    }
    let error = RPCError(
      code: .failedPrecondition,
      message: "the client transport to \(self.target) is shutting down"
    )
    for waiter in waiters { waiter.resume(throwing: error) }
    for connection in connections { connection.beginGracefulShutdown() }
    events?.yield(.shutdown)
  }

  public func withStream<T: Sendable>(
    descriptor: MethodDescriptor,
    options: CallOptions,
    _ closure: (_ stream: RPCStream<Inbound, Outbound>, _ context: ClientContext) async throws -> T
  ) async throws -> T {
    let connection = try await self.readyConnection()
    let stream = try connection.makeStream(descriptor: descriptor)
    let rpcStream = RPCStream(
      descriptor: descriptor,
      inbound: Inbound(wrapping: ClientStreamInbound(queue: stream.inbound)),
      outbound: Outbound(wrapping: ClientStreamWriter(stream: stream))
    )
    let context = ClientContext(
      descriptor: descriptor,
      remotePeer: connection.remotePeer,
      localPeer: connection.localPeer
    )
    do {
      let result = try await closure(rpcStream, context)
      stream.close()
      return result
    } catch {
      stream.close()
      throw error
    }
  }

  // MARK: Connection management

  /// Moves to `connecting` for a new attempt; false when shutting down.
  private func startAttempt() -> Bool {
    self.state.withLock { state in
      if state.shuttingDown { return false }
      switch state.phase {
      case .idle, .transientFailure:
        state.phase = .connecting
      case .connecting, .ready, .shutdown:
        break
      }
      return true
    }
  }

  private func readyConnection() async throws -> ClientConnection {
    // Fast path: connected (the common case) needs no continuation.
    let (ready, id) = self.state.withLock { state -> (ClientConnection?, UInt64) in
      if case .ready(let connection) = state.phase { return (connection, 0) }
      defer { state.nextWaiterID += 1 }
      return (nil, state.nextWaiterID)
    }
    if let ready { return ready }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<ClientConnection, any Error>) in
        let result: Result<ClientConnection, any Error>? = self.state.withLock { state in
          switch state.phase {
          case .ready(let connection):
            return .success(connection)
          case .transientFailure(let error):
            return .failure(error)
          case .shutdown:
            return .failure(
              RPCError(
                code: .failedPrecondition,
                message: "the client transport to \(self.target) is shutting down"
              )
            )
          case .idle, .connecting:
            if Task.isCancelled { return .failure(CancellationError()) }
            state.waiters[id] = continuation
            return nil
          }
        }
        if let result { continuation.resume(with: result) }
      }
    } onCancel: {
      self.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(
        throwing: CancellationError()
      )
    }
  }

  private func runConnection(id: UInt64, events: AsyncStream<LoopEvent>.Continuation) async {
    let config = self.config
    do {
      let connection = try await ClientBootstrap(group: config.eventLoopGroup)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .connectTimeout(config.connectTimeout.timeAmount)
        .connect(host: self.target.host, port: self.target.port) { channel in
          channel.eventLoop.makeCompletedFuture {
            let sync = channel.pipeline.syncOperations
            if let tls = config.tls {
              try sync.addHandler(
                NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname))
            }
            try sync.addHandler(
              ByteToMessageHandler(FrameDecoder(role: .client, maxFrameSize: config.maxFrameSize))
            )
            try sync.addHandler(HandshakeTimeoutHandler(timeout: config.connectTimeout.timeAmount))
            let outbound = OutboundFrameQueue(highWatermark: config.outboundHighWatermark)
            try sync.addHandler(FrameWriterHandler(queue: outbound))
            // Frames are dispatched on the event loop by the handler below, from the first byte.
            let connection = ClientConnection(
              channel: channel,
              outbound: outbound,
              config: config,
              target: self.target
            ) { connection in
              self.connectionUnusable(connection)
              events.yield(.unusable(id))
            }
            try sync.addHandler(FrameDispatchHandler(receiver: connection))
            return connection
          }
        }
      do {
        // Dialling a local port nobody listens on can make TCP connect the socket to itself
        // (simultaneous open, when the kernel picks the target port as the source port). Such a
        // connection would echo our own preface back as if a server had answered, and it holds
        // the port a restarting server needs: drop it as a failed attempt.
        if connection.localPeer == connection.remotePeer {
          throw RPCError(
            code: .unavailable,
            message: "\(self.target) is not listening (the connection attempt reached itself)")
        }
        try await connection.outbound.enqueue(.preface)
        try await connection.waitForHandshake()
      } catch {
        connection.close()
        throw error
      }
      self.connectionReady(connection)
      events.yield(.ready(id))
      await connection.run()
      self.connectionGone(connection)
    } catch {
      self.connectionFailed(error)
    }
    events.yield(.unusable(id))
  }

  private func connectionReady(_ connection: ClientConnection) {
    let (waiters, shuttingDown) = self.state.withLock { state in
      state.connections[ObjectIdentifier(connection)] = connection
      if state.shuttingDown {
        return ([CheckedContinuation<ClientConnection, any Error>](), true)
      }
      state.phase = .ready(connection)
      let waiters = Array(state.waiters.values)
      state.waiters = [:]
      return (waiters, false)
    }
    if shuttingDown { connection.beginGracefulShutdown() }
    for waiter in waiters { waiter.resume(returning: connection) }
  }

  /// GOAWAY received or closed: new calls wait for the next connection instead of this one.
  private func connectionUnusable(_ connection: ClientConnection) {
    self.state.withLock { state in
      if case .ready(let current) = state.phase, current === connection {
        state.phase = .connecting
      }
    }
  }

  private func connectionGone(_ connection: ClientConnection) {
    self.state.withLock { state in
      state.connections.removeValue(forKey: ObjectIdentifier(connection))
      if case .ready(let current) = state.phase, current === connection {
        state.phase = .connecting
      }
    }
  }

  private func connectionFailed(_ error: any Error) {
    let failure = RPCError(
      code: .unavailable,
      message: "could not connect to \(self.target): \(error)",
      cause: error
    )
    let waiters = self.state.withLock { state in
      guard !state.shuttingDown else { return [CheckedContinuation<ClientConnection, any Error>]() }
      if case .ready = state.phase {
        return []
      }
      state.phase = .transientFailure(failure)
      let waiters = Array(state.waiters.values)
      state.waiters = [:]
      return waiters
    }
    for waiter in waiters { waiter.resume(throwing: failure) }
  }
}
