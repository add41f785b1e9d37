import GRPCCore
import NIOCore
import SwiftProtobuf
import Synchronization

/// One client connection: multiplexes the client's streams over it.
///
/// Frames arrive on the event loop through a `FrameDispatchHandler` (`receive(_:)`), which hands
/// each response part straight to its call's queue: the waiting caller is resumed from the event
/// loop, with no reader task in between.
final class ClientConnection: FrameReceiver {
  typealias ResponsePart = RPCResponsePart<[UInt8]>

  private struct State {
    var streams: [UInt32: InboundQueue<ResponsePart>] = [:]
    /// GOAWAY received, or the client is shutting down: no new streams.
    var draining = false
    var closingWhenIdle = false
    var closed = false
    var lastPingSent: UInt64 = 0
    var lastPongReceived: UInt64 = 0
    var reportedUnusable = false
    /// The server's preface arrived.
    var handshakeDone = false
  }

  let outbound: OutboundFrameQueue
  let config: FramedRPCClientTransport.Config
  let remotePeer: String
  let localPeer: String
  private let channel: any Channel
  private let onUnusable: @Sendable (ClientConnection) -> Void
  /// Completed by the server's preface; failed if the channel closes first.
  private let handshake: EventLoopPromise<Void>
  private let state = Mutex(State())

  /// Call on the channel's event loop (it makes the handshake promise there). `target` names the
  /// server in messages when the socket has no remote address any more (a server that reset the
  /// connection as it was made), rather than "unknown".
  init(
    channel: any Channel,
    outbound: OutboundFrameQueue,
    config: FramedRPCClientTransport.Config,
    target: FramedRPCAddress,
    onUnusable: @escaping @Sendable (ClientConnection) -> Void
  ) {
    self.channel = channel
    self.config = config
    self.onUnusable = onUnusable
    self.outbound = outbound
    self.handshake = channel.eventLoop.makePromise()
    let remote = channel.remoteAddress
    self.remotePeer = remote == nil ? "\(target)" : remote.grpcPeerDescription
    self.localPeer = channel.localAddress.grpcPeerDescription
  }

  /// A new stream for `descriptor`; it opens (gets an id) when its metadata is written.
  func makeStream(descriptor: MethodDescriptor) throws -> ClientStream {
    let usable = self.state.withLock { !$0.draining && !$0.closed }
    guard usable else {
      throw RPCError(
        code: .unavailable,
        message: "the connection to \(self.remotePeer) is going away; retry on a new connection"
      )
    }
    return ClientStream(
      connection: self,
      descriptor: descriptor,
      inbound: InboundQueue(limit: self.config.maxBufferedResponseBytes)
    )
  }

  /// Registers an opening stream; runs under the outbound queue's lock (see `enqueueOpening`).
  func register(_ streamID: UInt32, inbound: InboundQueue<ResponsePart>) throws {
    try self.state.withLock { state in
      guard !state.draining, !state.closed else {
        throw RPCError(
          code: .unavailable,
          message: "the connection to \(self.remotePeer) is going away; retry on a new connection"
        )
      }
      state.streams[streamID] = inbound
    }
  }

  /// Forgets a stream. Returns true if it was still open (no TRAILERS received).
  func unregister(_ streamID: UInt32) -> Bool {
    let (wasOpen, finish) = self.state.withLock { state -> (Bool, Bool) in
      let wasOpen = state.streams.removeValue(forKey: streamID) != nil
      return (wasOpen, state.closingWhenIdle && state.streams.isEmpty)
    }
    if finish { self.outbound.finish() }
    return wasOpen
  }

  /// No new streams; close once the open ones have finished.
  func beginGracefulShutdown() {
    let empty = self.state.withLock { state in
      state.draining = true
      state.closingWhenIdle = true
      return state.streams.isEmpty
    }
    if empty { self.outbound.finish() }
  }

  /// Closes the channel; the open calls fail with UNAVAILABLE.
  func close() {
    self.channel.close(promise: nil)
  }

  /// Returns once the server's preface has arrived; throws if the connection closed (or the
  /// task was cancelled, which closes it) before.
  func waitForHandshake() async throws {
    try await withTaskCancellationHandler {
      try await self.handshake.futureResult.get()
    } onCancel: {
      self.channel.close(promise: nil)
    }
  }

  /// Runs the connection until it closes (the task's cancellation closes it): frames are handled
  /// meanwhile on the event loop by `receive(_:)`; this task only sends keepalive pings.
  func run() async {
    await withDiscardingTaskGroup { group in
      group.addTask {
        await self.runKeepalive()
      }
      await withTaskCancellationHandler {
        try? await self.channel.closeFuture.get()
      } onCancel: {
        self.channel.close(promise: nil)
      }
      group.cancelAll()
    }
  }

  // MARK: FrameReceiver (on the event loop)

  func receive(_ event: WireEvent) -> FrameReceipt {
    switch event {
    case .preface:
      self.state.withLock { $0.handshakeDone = true }
      self.handshake.succeed()
      return .proceed
    case .frame(let frame):
      do {
        return try self.handle(frame)
      } catch {
        self.connectionClosed(reason: error)
        return .stop
      }
    }
  }

  func channelClosed(error: (any Error)?) {
    let handshakeDone = self.state.withLock { $0.handshakeDone }
    if !handshakeDone {
      // Before the preface: the caller of `waitForHandshake` reports why the attempt failed.
      self.handshake.fail(
        error
          ?? FramedRPCError(
            code: .handshakeTimeout,
            message:
              "\(self.remotePeer) closed the connection or sent no FramedRPC preface within "
              + "\(self.config.connectTimeout)"
          )
      )
    }
    self.connectionClosed(
      reason: error
        ?? FramedRPCError(code: .connectionClosed, message: "the server closed the connection")
    )
  }

  // MARK: Inbound frames

  private func handle(_ frame: Frame) throws -> FrameReceipt {
    switch frame.type {
    case .headers:
      guard let inbound = self.inbound(frame.streamID) else { return .proceed }
      let headers = try Self.decode(Framedrpc_V1_ResponseHeaders.self, frame)
      guard let metadata = self.checkedMetadata(headers.metadata, streamID: frame.streamID) else {
        return .proceed
      }
      _ = inbound.yield(.metadata(metadata), bytes: 0)
    case .message:
      guard let inbound = self.inbound(frame.streamID) else { return .proceed }
      let bytes = Array(frame.payload.readableBytesView)
      if inbound.yield(.message(bytes), bytes: bytes.count) {
        return .pause(whenSpace: inbound.whenSpace)
      }
    case .trailers:
      guard let inbound = self.inbound(frame.streamID) else { return .proceed }
      let trailers = try Self.decode(Framedrpc_V1_Trailers.self, frame)
      guard let metadata = self.checkedMetadata(trailers.metadata, streamID: frame.streamID)
      else {
        return .proceed
      }
      // Codes above 16 are UNKNOWN (FRAMING.md section 7); `Int(exactly:)` never traps.
      let code = Int(exactly: trailers.code).flatMap { Status.Code(rawValue: $0) } ?? .unknown
      let status = Status(code: code, message: trailers.message)
      _ = inbound.yield(.status(status, metadata), bytes: 0)
      inbound.finish()
      _ = self.unregister(frame.streamID)
    case .ping:
      guard frame.payload.readableBytes == 8 else {
        throw FramedRPCError(
          code: .protocolError, message: "the server sent a PING without 8 bytes")
      }
      self.outbound.enqueueWithoutWaiting(
        .frame(Frame(type: .pong, streamID: 0, payload: frame.payload))
      )
    case .pong:
      if let value = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt64.self) {
        self.state.withLock { $0.lastPongReceived = max($0.lastPongReceived, value) }
      }
    case .goAway:
      let goAway = try Self.decode(Framedrpc_V1_GoAway.self, frame)
      self.receivedGoAway(goAway)
    default:
      break
    }
    return .proceed
  }

  private func inbound(_ streamID: UInt32) -> InboundQueue<ResponsePart>? {
    self.state.withLock { $0.streams[streamID] }
  }

  /// The server's metadata, or nil after failing the stream: RESOURCE_EXHAUSTED when it is over
  /// the metadata limit, INTERNAL when an entry breaks FRAMING.md section 4.10.
  private func checkedMetadata(
    _ entries: [Framedrpc_V1_MetadataEntry],
    streamID: UInt32
  ) -> Metadata? {
    let bytes = entries.wireByteCount
    guard bytes <= self.config.maxMetadataBytes else {
      self.failStream(
        streamID,
        RPCError(
          code: .resourceExhausted,
          message:
            "response metadata of \(bytes) bytes exceeds the limit of "
            + "\(self.config.maxMetadataBytes) bytes"
        )
      )
      return nil
    }
    do {
      return try Metadata(validatingWireEntries: entries)
    } catch {
      self.failStream(
        streamID,
        RPCError(code: .internalError, message: "the server sent malformed metadata: \(error)")
      )
      return nil
    }
  }

  /// Fails one call with `error` and tells the server (CANCEL) if the stream was still open.
  private func failStream(_ streamID: UInt32, _ error: RPCError) {
    let inbound = self.inbound(streamID)
    if self.unregister(streamID) {
      self.outbound.enqueueWithoutWaiting(
        .frame(Frame(type: .cancel, streamID: streamID, payload: ByteBuffer()))
      )
    }
    inbound?.finish(throwing: error)
  }

  private func receivedGoAway(_ goAway: Framedrpc_V1_GoAway) {
    let refused = self.state.withLock { state -> [InboundQueue<ResponsePart>] in
      state.draining = true
      let refusedIDs = state.streams.keys.filter { $0 > goAway.lastStreamID }
      return refusedIDs.compactMap { state.streams.removeValue(forKey: $0) }
    }
    let error = RPCError(
      code: .unavailable,
      message:
        "the server sent GOAWAY (\(goAway.reason), \"\(goAway.message)\") before processing this call"
    )
    for inbound in refused { inbound.finish(throwing: error) }
    self.reportUnusable()
  }

  private func runKeepalive() async {
    guard let interval = self.config.keepaliveInterval else { return }
    var counter: UInt64 = 0
    while true {
      do {
        try await Task.sleep(for: interval)
      } catch {
        return
      }
      counter += 1
      var payload = ByteBuffer()
      payload.writeInteger(counter)
      self.state.withLock { $0.lastPingSent = counter }
      self.outbound.enqueueWithoutWaiting(.frame(Frame(type: .ping, streamID: 0, payload: payload)))
      do {
        try await Task.sleep(for: self.config.keepaliveTimeout)
      } catch {
        return
      }
      let answered = self.state.withLock { $0.lastPongReceived >= counter }
      if !answered {
        self.channel.close(promise: nil)
        return
      }
    }
  }

  /// Idempotent: a protocol error and the channel closing both call it.
  private func connectionClosed(reason: any Error) {
    let (streams, handshakeDone) = self.state.withLock {
      state -> ([InboundQueue<ResponsePart>]?, Bool) in
      if state.closed { return (nil, state.handshakeDone) }
      state.closed = true
      state.draining = true
      let streams = Array(state.streams.values)
      state.streams = [:]
      return (streams, state.handshakeDone)
    }
    guard let streams else { return }
    let error = RPCError(
      code: .unavailable,
      message: "the connection to \(self.remotePeer) closed",
      cause: reason
    )
    for inbound in streams { inbound.finish(throwing: error) }
    self.outbound.fail(error)
    self.channel.close(promise: nil)
    // Before the handshake the connection was never usable; the attempt's failure is reported
    // by the transport instead.
    if handshakeDone { self.reportUnusable() }
  }

  private func reportUnusable() {
    let report = self.state.withLock { state in
      defer { state.reportedUnusable = true }
      return !state.reportedUnusable
    }
    if report { self.onUnusable(self) }
  }

  private static func decode<M: Message>(_ type: M.Type, _ frame: Frame) throws -> M {
    do {
      return try M(serializedBytes: Array(frame.payload.readableBytesView))
    } catch {
      throw FramedRPCError(
        code: .protocolError,
        message: "the server sent a \(frame.type) payload that is not a \(M.protoMessageName)"
      )
    }
  }
}
