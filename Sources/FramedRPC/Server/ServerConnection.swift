import GRPCCore
import NIOCore
import SwiftProtobuf
import Synchronization

/// One accepted connection: demultiplexes frames into streams and runs a handler per stream.
///
/// Frames arrive on the event loop through a `FrameDispatchHandler` (`receive(_:)`), which
/// opens streams, starts their handler tasks and feeds their inbound queues without leaving the
/// event loop; responses go out through the `OutboundFrameQueue`.
final class ServerConnection: FrameReceiver {
  typealias Inbound = RPCAsyncSequence<RPCRequestPart<[UInt8]>, any Error>
  typealias Outbound = RPCWriter<RPCResponsePart<[UInt8]>>.Closable
  typealias StreamHandler = @Sendable (RPCStream<Inbound, Outbound>, ServerContext) async -> Void

  private struct StreamEntry {
    let inbound: InboundQueue<RPCRequestPart<[UInt8]>>
    var task: Task<Void, Never>?
    var handle: ServerContext.RPCCancellationHandle?
    var cancelled = false
    var halfClosed = false
    /// Single-response method: hold the response headers and the message back to go out with
    /// the trailers, one write and one TCP segment for the whole response, so the client's read
    /// resumes the caller once rather than once per part. (Not for streaming responses: a client
    /// may wait for the headers before it sends the requests the handler waits for.)
    var holdsResponse = false
    var heldFrames: [Frame] = []
  }

  private struct State {
    var streams: [UInt32: StreamEntry] = [:]
    var lastStreamID: UInt32 = 0
    /// GOAWAY sent: no new streams.
    var draining = false
    var closed = false
    /// The preface exchange is complete: frames may be written from now on.
    var handshakeDone = false
    /// Handler tasks started and not yet returned.
    var runningHandlers = 0
    var handlersDone: CheckedContinuation<Void, Never>?
    /// When the last stream ended; nil while streams are open.
    var idleSince: ContinuousClock.Instant? = .now
  }

  private enum Opening {
    case open(InboundQueue<RPCRequestPart<[UInt8]>>, MethodDescriptor, Metadata)
    case refuse(Status)
    case violation(String)
  }

  /// The largest stream id a client may open (FRAMING.md section 4.1): 2^31 - 1.
  static let maxStreamID = UInt32(Int32.max)

  let channel: any Channel
  private let outbound: OutboundFrameQueue
  private let config: FramedRPCServerTransport.Config
  /// Fully qualified names of the unary and client-streaming methods.
  private let singleResponseMethods: Set<String>
  private let remotePeer: String
  private let localPeer: String
  /// Refuse the connection after the preface: it is over the server's connection limit.
  private let overConnectionLimit: Bool
  private let streamHandler: StreamHandler
  private let state = Mutex(State())

  init(
    channel: any Channel,
    outbound: OutboundFrameQueue,
    config: FramedRPCServerTransport.Config,
    singleResponseMethods: Set<String>,
    overConnectionLimit: Bool,
    streamHandler: @escaping StreamHandler
  ) {
    self.singleResponseMethods = singleResponseMethods
    self.channel = channel
    self.config = config
    self.outbound = outbound
    self.overConnectionLimit = overConnectionLimit
    self.streamHandler = streamHandler
    self.remotePeer = channel.remoteAddress.grpcPeerDescription
    self.localPeer = channel.localAddress.grpcPeerDescription
  }

  /// Serves the connection until it closes (the task's cancellation closes it), then returns
  /// once every handler task it started has returned. Frames are handled meanwhile on the event
  /// loop, by `receive(_:)`; this task only runs the idle timer and waits.
  func run() async {
    await withDiscardingTaskGroup { timers in
      timers.addTask { await self.runIdleTimer() }
      await withTaskCancellationHandler {
        try? await self.channel.closeFuture.get()
      } onCancel: {
        self.connectionClosed()
      }
      timers.cancelAll()
    }
    self.connectionClosed()
    await self.waitForHandlers()
  }

  // MARK: FrameReceiver (on the event loop)

  func receive(_ event: WireEvent) -> FrameReceipt {
    switch event {
    case .preface:
      return self.prefaceReceived()
    case .frame(let frame):
      do {
        return try self.handle(frame)
      } catch let violation as ProtocolViolation {
        self.goAway(reason: .protocolError, message: violation.message)
        self.connectionClosed()
        return .stop
      } catch {
        self.connectionClosed()
        return .stop
      }
    }
  }

  func channelClosed(error: (any Error)?) {
    // The channel closed or failed: nothing to tell the peer.
    self.connectionClosed()
  }

  /// The decoder emits `.preface` only for a valid preface (it answers bad ones itself).
  private func prefaceReceived() -> FrameReceipt {
    let goAwayPending = self.state.withLock { state in
      state.handshakeDone = true
      return state.draining
    }
    if goAwayPending {
      self.sendGracefulGoAway()
    }
    if self.overConnectionLimit {
      self.goAway(
        reason: .tooManyConnections,
        message: "the server has its maximum of \(self.config.maxConnections) connections"
      )
      return .stop
    }
    return .proceed
  }

  /// Sends GOAWAY (graceful) and closes once the open streams have finished.
  func beginGracefulShutdown() {
    let send = self.state.withLock { state in
      if state.draining || state.closed { return false }
      state.draining = true
      return state.handshakeDone
    }
    // Before the handshake nothing may be written (the server preface comes first); the GOAWAY
    // is then sent once the preface exchange completes, see `run`.
    if send { self.sendGracefulGoAway() }
  }

  private func sendGracefulGoAway() {
    let (last, empty) = self.state.withLock { ($0.lastStreamID, $0.streams.isEmpty) }
    var goAway = Framedrpc_V1_GoAway()
    goAway.lastStreamID = last
    goAway.reason = .noError
    goAway.message = "server is shutting down"
    self.outbound.enqueueWithoutWaiting(.frame(Self.frame(.goAway, streamID: 0, goAway)))
    if empty { self.outbound.finish() }
  }

  // MARK: Inbound frames

  private func handle(_ frame: Frame) throws -> FrameReceipt {
    switch frame.type {
    case .headers:
      try self.openStream(frame)
    case .message:
      let inbound = self.state.withLock { state in
        state.streams[frame.streamID].flatMap { $0.halfClosed ? nil : $0.inbound }
      }
      var receipt = FrameReceipt.proceed
      if let inbound {
        let bytes = Array(frame.payload.readableBytesView)
        if inbound.yield(.message(bytes), bytes: bytes.count) {
          receipt = .pause(whenSpace: inbound.whenSpace)
        }
      }
      if frame.flags.contains(.endStream) {
        self.halfClose(frame.streamID)
      }
      return receipt
    case .halfClose:
      self.halfClose(frame.streamID)
    case .cancel:
      self.cancelStream(frame.streamID)
    case .ping:
      guard frame.payload.readableBytes == 8, frame.streamID == 0 else {
        throw ProtocolViolation(message: "PING must be on stream 0 with an 8-byte payload")
      }
      let pong = Frame(type: .pong, streamID: 0, payload: frame.payload)
      if !self.outbound.enqueueWithoutWaiting(.frame(pong)) {
        self.goAway(reason: .resourceExhausted, message: "too many unanswered PINGs queued")
      }
    case .trailers:
      throw ProtocolViolation(message: "TRAILERS frames are sent by servers only")
    case .goAway:
      // A client's GOAWAY announces it is leaving; it changes nothing on the server (clients
      // accept no streams), but it must be well-formed like every frame (FRAMING.md 4.8).
      guard frame.streamID == 0 else {
        throw ProtocolViolation(message: "GOAWAY must be on stream 0, not \(frame.streamID)")
      }
      do {
        _ = try Framedrpc_V1_GoAway(serializedBytes: Array(frame.payload.readableBytesView))
      } catch {
        throw ProtocolViolation(message: "the GOAWAY payload is not a GoAway: \(error)")
      }
    default:
      // PONG (the server sends no PING, so it answers nothing) and unknown frame types need no
      // action. HALF_CLOSE and CANCEL payloads are ignored above, whatever their length.
      break
    }
    return .proceed
  }

  private func openStream(_ frame: Frame) throws {
    let streamID = frame.streamID
    let headers: Framedrpc_V1_RequestHeaders
    do {
      headers = try Framedrpc_V1_RequestHeaders(
        serializedBytes: Array(frame.payload.readableBytesView)
      )
    } catch {
      throw ProtocolViolation(
        message: "the HEADERS payload of stream \(streamID) is not a RequestHeaders: \(error)"
      )
    }
    let descriptor = Self.descriptor(forPath: headers.path)
    let metadataBytes = headers.metadata.wireByteCount
    // Validated before the lock, and only when within the size limit (which refuses first).
    let metadata: Result<Metadata, MetadataViolation>? =
      metadataBytes > self.config.maxMetadataBytes
      ? nil
      : Result { () throws(MetadataViolation) in
        try Metadata(validatingWireEntries: headers.metadata)
      }
    let timeoutRefusal = Self.refusal(forTimeoutOf: headers)

    let opening: Opening = self.state.withLock { state in
      guard streamID % 2 == 1, streamID > state.lastStreamID, streamID <= Self.maxStreamID else {
        return .violation(
          "HEADERS opened stream \(streamID); stream ids must be odd, increasing and at most "
            + "\(Self.maxStreamID) (last was \(state.lastStreamID))"
        )
      }
      state.lastStreamID = streamID
      if state.draining {
        return .refuse(Status(code: .unavailable, message: "server is shutting down"))
      }
      if state.streams.count >= self.config.maxConcurrentStreams {
        return .refuse(
          Status(
            code: .resourceExhausted,
            message:
              "too many concurrent streams on this connection "
              + "(limit \(self.config.maxConcurrentStreams))"
          )
        )
      }
      if metadataBytes > self.config.maxMetadataBytes {
        return .refuse(
          Status(
            code: .resourceExhausted,
            message:
              "request metadata of \(metadataBytes) bytes exceeds the limit of "
              + "\(self.config.maxMetadataBytes) bytes"
          )
        )
      }
      guard let descriptor else {
        return .refuse(
          Status(
            code: .unimplemented,
            message: "malformed method path \"\(headers.path)\"; expected /package.Service/Method"
          )
        )
      }
      let requestMetadata: Metadata
      switch metadata {
      case .success(let valid)?:
        requestMetadata = valid
      case .failure(let violation)?:
        return .refuse(Status(code: .invalidArgument, message: violation.description))
      case nil:
        // Unreachable: the size check above refused the stream.
        return .refuse(Status(code: .resourceExhausted, message: "request metadata too large"))
      }
      if let timeoutRefusal {
        return .refuse(timeoutRefusal)
      }
      let inbound = InboundQueue<RPCRequestPart<[UInt8]>>(
        limit: self.config.maxBufferedRequestBytes
      )
      var entry = StreamEntry(inbound: inbound)
      entry.holdsResponse = self.singleResponseMethods.contains(descriptor.fullyQualifiedMethod)
      state.streams[streamID] = entry
      state.idleSince = nil
      return .open(inbound, descriptor, requestMetadata)
    }

    switch opening {
    case .violation(let message):
      throw ProtocolViolation(message: message)
    case .refuse(let status):
      self.sendTrailers(status, streamID: streamID)
    case .open(let inbound, let descriptor, var metadata):
      // `refusal(forTimeoutOf:)` let only 1...maxMicros through: no overflow below.
      let timeout = headers.hasTimeoutMicros ? Duration.microseconds(headers.timeoutMicros) : nil
      if headers.hasTimeoutMicros {
        metadata.addString(
          GRPCTimeout.metadataValue(micros: headers.timeoutMicros),
          forKey: GRPCTimeout.metadataKey
        )
      }
      _ = inbound.yield(.metadata(metadata), bytes: 0)
      if frame.flags.contains(.endStream) {
        self.halfClose(streamID)
      }
      let stream = RPCStream(
        descriptor: descriptor,
        inbound: Inbound(wrapping: ServerStreamInbound(queue: inbound)),
        outbound: Outbound(wrapping: ServerStreamWriter(connection: self, streamID: streamID))
      )
      // One unstructured task per RPC, so that a CANCEL frame can cancel exactly this handler.
      // The connection counts them and `run` waits for all of them before it returns.
      let streamHandler = self.streamHandler
      self.state.withLock { $0.runningHandlers += 1 }
      let task = Task {
        // The deadline is enforced here too (GRPCCore only flags it on the cancellation
        // handle), so a handler outliving its deadline is cancelled and the client gets its
        // status even if it never sends CANCEL.
        let deadline = timeout.map { timeout in
          Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { self.deadlineExpired(streamID, timeout: timeout) }
          }
        }
        await withServerContextRPCCancellationHandle { handle in
          if self.attach(handle: handle, streamID: streamID) {
            handle.cancel()
          }
          let context = ServerContext(
            descriptor: stream.descriptor,
            remotePeer: self.remotePeer,
            localPeer: self.localPeer,
            cancellation: handle
          )
          await streamHandler(stream, context)
        }
        deadline?.cancel()
        self.streamEnded(streamID)
        self.handlerFinished()
      }
      if self.attach(task: task, streamID: streamID) {
        task.cancel()
      }
    }
  }

  private func handlerFinished() {
    let waiter = self.state.withLock { state in
      state.runningHandlers -= 1
      return state.runningHandlers == 0 ? state.handlersDone.take() : nil
    }
    waiter?.resume()
  }

  /// Returns once every handler task this connection started has returned.
  private func waitForHandlers() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let done = self.state.withLock { state in
        if state.runningHandlers == 0 { return true }
        state.handlersDone = continuation
        return false
      }
      if done { continuation.resume() }
    }
  }

  private func halfClose(_ streamID: UInt32) {
    let inbound = self.state.withLock { state -> InboundQueue<RPCRequestPart<[UInt8]>>? in
      guard let entry = state.streams[streamID], !entry.halfClosed else { return nil }
      state.streams[streamID]?.halfClosed = true
      return entry.inbound
    }
    inbound?.finish()
  }

  private func cancelStream(_ streamID: UInt32) {
    let entry = self.state.withLock { state -> StreamEntry? in
      guard state.streams[streamID] != nil, !state.streams[streamID]!.cancelled else { return nil }
      state.streams[streamID]!.cancelled = true
      return state.streams[streamID]
    }
    guard let entry else { return }
    entry.handle?.cancel()
    entry.task?.cancel()
    entry.inbound.finish(
      throwing: RPCError(code: .cancelled, message: "the client cancelled the RPC"))
  }

  /// The stream's deadline passed: answer DEADLINE_EXCEEDED and cancel the handler.
  private func deadlineExpired(_ streamID: UInt32, timeout: Duration) {
    let entry = self.state.withLock { state -> StreamEntry? in
      guard state.streams[streamID] != nil, !state.streams[streamID]!.cancelled else { return nil }
      state.streams[streamID]!.cancelled = true
      return state.streams[streamID]
    }
    guard let entry else { return }
    self.sendTrailers(
      Status(code: .deadlineExceeded, message: "the deadline of \(timeout) passed"),
      streamID: streamID
    )
    entry.handle?.cancel()
    entry.task?.cancel()
    entry.inbound.finish(throwing: RPCError(code: .deadlineExceeded, message: "deadline passed"))
  }

  /// Records the handler's cancellation handle; true if the stream was already cancelled.
  private func attach(handle: ServerContext.RPCCancellationHandle, streamID: UInt32) -> Bool {
    self.state.withLock { state in
      guard state.streams[streamID] != nil else { return false }
      state.streams[streamID]!.handle = handle
      return state.streams[streamID]!.cancelled
    }
  }

  /// Records the handler's task; true if the stream was already cancelled.
  private func attach(task: Task<Void, Never>, streamID: UInt32) -> Bool {
    self.state.withLock { state in
      guard state.streams[streamID] != nil else { return false }
      state.streams[streamID]!.task = task
      return state.streams[streamID]!.cancelled
    }
  }

  // MARK: Outbound

  /// Writes one response part of stream `streamID`; suspends while the connection's queue is
  /// over its high watermark (the peer is not reading fast enough).
  ///
  /// For single-response methods the response headers and message are held back and written
  /// together with the trailers, so a unary response takes one write rather than up to three.
  func write(_ part: RPCResponsePart<[UInt8]>, streamID: UInt32) async throws {
    let frame: Frame
    switch part {
    case .metadata(let metadata):
      var headers = Framedrpc_V1_ResponseHeaders()
      headers.metadata = metadata.wireEntries
      frame = Self.frame(.headers, streamID: streamID, headers)
    case .message(let bytes):
      guard bytes.count <= self.config.maxFrameSize else {
        throw RPCError(
          code: .resourceExhausted,
          message:
            "response message of \(bytes.count) bytes exceeds the max frame size of "
            + "\(self.config.maxFrameSize) bytes"
        )
      }
      frame = Frame(type: .message, streamID: streamID, payload: ByteBuffer(bytes: bytes))
    case .status(let status, let metadata):
      frame = Self.trailersFrame(status, metadata, streamID)
    }
    let isStatus: Bool
    if case .status = part { isStatus = true } else { isStatus = false }
    let outputs = try self.state.withLock { state -> [WireOutput] in
      try Self.checkWritable(state.streams[streamID])
      guard state.streams[streamID]!.holdsResponse else { return [.frame(frame)] }
      state.streams[streamID]!.heldFrames.append(frame)
      guard isStatus else { return [] }
      defer { state.streams[streamID]!.heldFrames = [] }
      return state.streams[streamID]!.heldFrames.map { .frame($0) }
    }
    if outputs.isEmpty { return }
    if isStatus {
      // The handler's own status waits for room like any write, so it is never dropped.
      defer { self.forget(streamID) }
      try await self.enqueueForClient(outputs)
    } else {
      try await self.enqueueForClient(outputs)
    }
  }

  /// Enqueues a response part. When the connection is already gone (the client closed or reset
  /// it mid-call), the queue fails with the channel's error (`I/O on closed channel`); the
  /// handler gets CANCELLED instead, the status a server gives a call whose client left, so
  /// that the service layer neither reports INTERNAL nor logs it as an unexpected error.
  private func enqueueForClient(_ outputs: [WireOutput]) async throws {
    do {
      try await self.outbound.enqueue(contentsOf: outputs)
    } catch let error as RPCError {
      throw error
    } catch let error as CancellationError {
      throw error
    } catch {
      throw RPCError(
        code: .cancelled,
        message: "the client closed the connection before the response (\(error))")
    }
  }

  private static func checkWritable(_ entry: StreamEntry?) throws {
    guard let entry else {
      throw RPCError(code: .unavailable, message: "the stream or its connection is closed")
    }
    if entry.cancelled {
      throw RPCError(code: .cancelled, message: "the client cancelled the RPC")
    }
  }

  /// Queues TRAILERS without waiting and forgets the stream (its concurrency slot is free from
  /// now on). Used by the read loop and timers, which must not block on a peer that does not
  /// read: if too much is already queued for it, the connection is closed instead.
  private func sendTrailers(_ status: Status, streamID: UInt32) {
    let frame = Self.trailersFrame(status, [:], streamID)
    if !self.outbound.enqueueWithoutWaiting(.frame(frame)) {
      self.channel.close(promise: nil)
    }
    self.forget(streamID)
  }

  private static func trailersFrame(
    _ status: Status,
    _ metadata: Metadata,
    _ streamID: UInt32
  ) -> Frame {
    var trailers = Framedrpc_V1_Trailers()
    trailers.code = UInt32(status.code.rawValue)
    trailers.message = status.message
    trailers.metadata = metadata.wireEntries
    return Self.frame(.trailers, streamID: streamID, trailers)
  }

  /// The handler returned.
  private func streamEnded(_ streamID: UInt32) {
    let unanswered = self.state.withLock { state -> Bool in
      guard let entry = state.streams[streamID] else { return false }
      return !entry.cancelled
    }
    if unanswered {
      self.sendTrailers(
        Status(code: .internalError, message: "the handler ended without a status"),
        streamID: streamID
      )
    } else {
      self.forget(streamID)
    }
  }

  private func forget(_ streamID: UInt32) {
    let (entry, finish) = self.state.withLock { state -> (StreamEntry?, Bool) in
      guard let entry = state.streams.removeValue(forKey: streamID) else { return (nil, false) }
      if state.streams.isEmpty {
        state.idleSince = .now
        return (entry, state.draining)
      }
      return (entry, false)
    }
    entry?.inbound.discard()
    if finish { self.outbound.finish() }
  }

  // MARK: Connection lifecycle

  private func goAway(reason: Framedrpc_V1_GoAwayReason, message: String) {
    let last = self.state.withLock { state in
      state.draining = true
      return state.lastStreamID
    }
    var goAway = Framedrpc_V1_GoAway()
    goAway.lastStreamID = last
    goAway.reason = reason
    goAway.message = message
    self.outbound.enqueueWithoutWaiting(.frame(Self.frame(.goAway, streamID: 0, goAway)))
    self.outbound.finish()
  }

  private func runIdleTimer() async {
    let idleTimeout = self.config.idleTimeout
    let tick = max(min(idleTimeout / 10, .seconds(1)), .milliseconds(10))
    while !Task.isCancelled {
      do {
        try await Task.sleep(for: tick)
      } catch {
        return
      }
      let expired = self.state.withLock { state in
        guard state.handshakeDone, !state.draining, !state.closed, let since = state.idleSince
        else { return false }
        return since.duration(to: .now) >= idleTimeout
      }
      if expired {
        self.goAway(reason: .idleTimeout, message: "no stream for \(idleTimeout)")
        return
      }
    }
  }

  /// Idempotent: the channel closing, a protocol violation and the task's cancellation all call it.
  private func connectionClosed() {
    let entries = self.state.withLock { state -> [StreamEntry]? in
      if state.closed { return nil }
      state.closed = true
      state.draining = true
      let entries = Array(state.streams.values)
      state.streams = [:]
      return entries
    }
    guard let entries else { return }
    let error = RPCError(code: .unavailable, message: "the connection closed")
    for entry in entries {
      entry.handle?.cancel()
      entry.task?.cancel()
      entry.inbound.finish(throwing: error)
    }
    self.outbound.finish()
    // If the peer stopped reading, the final frames may never drain: do not wait for them.
    let channel = self.channel
    channel.eventLoop.scheduleTask(in: .seconds(1)) {
      channel.close(promise: nil)
    }
  }

  // MARK: Helpers

  /// The status refusing a stream whose `timeout_micros` is out of range (FRAMING.md section 5):
  /// 0 means the deadline has already passed; more than `GRPCTimeout.maxMicros` is invalid.
  static func refusal(forTimeoutOf headers: Framedrpc_V1_RequestHeaders) -> Status? {
    guard headers.hasTimeoutMicros else { return nil }
    if headers.timeoutMicros == 0 {
      return Status(
        code: .deadlineExceeded, message: "timeout_micros is 0: the deadline has already passed")
    }
    if headers.timeoutMicros > GRPCTimeout.maxMicros {
      return Status(
        code: .invalidArgument,
        message:
          "timeout_micros \(headers.timeoutMicros) exceeds the largest timeout, "
          + "\(GRPCTimeout.maxMicros) (99999999 hours; FRAMING.md section 5)"
      )
    }
    return nil
  }

  private static func frame(_ type: FrameType, streamID: UInt32, _ message: some Message) -> Frame {
    let bytes: [UInt8] = (try? message.serializedBytes()) ?? []
    return Frame(type: type, streamID: streamID, payload: ByteBuffer(bytes: bytes))
  }

  /// `/package.Service/Method` as a descriptor; nil if malformed.
  static func descriptor(forPath path: String) -> MethodDescriptor? {
    guard path.first == "/", let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
      return nil
    }
    let service = path[path.index(after: path.startIndex)..<slash]
    let method = path[path.index(after: slash)...]
    guard !service.isEmpty, !method.isEmpty else { return nil }
    return MethodDescriptor(fullyQualifiedService: String(service), method: String(method))
  }
}
