import NIOCore
import Synchronization

/// The frames a connection will write, in order, written on the event loop by a
/// `FrameWriterHandler` while the channel is writable.
///
/// Every stream of the connection (and the read loop, for PONG, TRAILERS of refused streams and
/// GOAWAY) appends here. The first append after the queue went empty schedules one flush on the
/// event loop, which writes everything queued as one buffer and flushes once; appends that
/// arrive meanwhile ride along. While the channel is not writable nothing is taken from the
/// queue, so it grows; writers of stream data suspend once more than `highWatermark` bytes are
/// queued and resume when the event loop takes them. Memory per connection is bounded by the
/// watermark plus one message per stream plus what one flush handed to the channel. Opening a
/// stream allocates its id under the same lock as the append, so HEADERS frames always go out in
/// increasing stream id order.
final class OutboundFrameQueue: Sendable {
  /// What the writer handler gets when it asks for work.
  enum Batch {
    case frames([WireOutput])
    case empty
    case finished
  }

  private struct State {
    var pending: [WireOutput] = []
    var pendingBytes = 0
    /// A flush is scheduled or running on the event loop.
    var flushScheduled = false
    var writer: NIOLoopBound<FrameWriterHandler>?
    var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var nextWaiterID: UInt64 = 0
    /// Set when no more frames may be queued: nil error = finish writing what is queued.
    var closed: (error: (any Error)?, set: Bool) = (nil, false)
    var nextStreamID: UInt32 = 1
  }

  private enum WaitAction {
    case wait
    case resume
    case fail(any Error)
  }

  private let highWatermark: Int
  /// Control frames are queued without waiting; past this many queued bytes the peer is not
  /// reading while it keeps sending requests for control frames, and the connection gives up.
  private let hardLimit: Int
  private let state = Mutex(State())

  init(highWatermark: Int) {
    self.highWatermark = highWatermark
    self.hardLimit = max(highWatermark * 4, 1 << 20)
  }

  /// Connects the queue to the handler that writes it; call on the channel's event loop.
  func attach(_ writer: FrameWriterHandler, eventLoop: any EventLoop) {
    let bound = NIOLoopBound(writer, eventLoop: eventLoop)
    let flushNow = self.state.withLock { state in
      state.writer = bound
      return !state.pending.isEmpty && !state.flushScheduled
    }
    if flushNow { self.scheduleFlush() }
  }

  /// Appends a frame and suspends while more than the high watermark is queued.
  func enqueue(_ output: WireOutput) async throws {
    let mustWait = try self.append { _ in [output] }
    if mustWait { try await self.waitForRoom() }
  }

  /// Appends frames that must go out together (e.g. response headers and the first message),
  /// then suspends while more than the high watermark is queued.
  func enqueue(contentsOf outputs: [WireOutput]) async throws {
    let mustWait = try self.append { _ in outputs }
    if mustWait { try await self.waitForRoom() }
  }

  /// Appends the frames opening a stream (HEADERS, possibly followed by its only MESSAGE) with
  /// a freshly allocated odd stream id.
  ///
  /// `makeFrames` runs under the queue's lock (keep it short); it receives the id and may throw
  /// to refuse opening the stream.
  func enqueueOpening(_ makeFrames: (UInt32) throws -> [Frame]) async throws -> UInt32 {
    var id: UInt32 = 0
    let mustWait = try self.append { state in
      id = state.nextStreamID
      guard id < UInt32(Int32.max) else {
        throw FramedRPCError(
          code: .connectionClosed,
          message: "the connection has used every stream id; open a new one"
        )
      }
      let frames = try makeFrames(id)
      state.nextStreamID += 2
      return frames.map { .frame($0) }
    }
    if mustWait { try await self.waitForRoom() }
    return id
  }

  /// Appends a frame without waiting. Returns false when the connection is closed or the peer
  /// has let the hard limit of queued bytes build up.
  @discardableResult
  func enqueueWithoutWaiting(_ output: WireOutput) -> Bool {
    do {
      _ = try self.append(limit: self.hardLimit) { _ in [output] }
      return true
    } catch {
      return false
    }
  }

  /// Called by the writer handler on the event loop: everything queued, or why there is none.
  /// `.empty` ends the current flush; the next append schedules another.
  func takeBatch() -> Batch {
    let (batch, waiters) = self.state.withLock {
      state -> (Batch, [CheckedContinuation<Void, any Error>]) in
      if state.pending.isEmpty {
        if state.closed.set {
          state.flushScheduled = false
          state.writer = nil
          return (.finished, [])
        }
        state.flushScheduled = false
        return (.empty, [])
      }
      let batch = state.pending
      state.pending = []
      state.pendingBytes = 0
      let waiters = Array(state.waiters.values)
      state.waiters = [:]
      return (.frames(batch), waiters)
    }
    for waiter in waiters { waiter.resume() }
    return batch
  }

  /// Called by the writer handler on the event loop when the channel stopped being writable:
  /// the flush ends and resumes on the next writability change or append.
  func flushPaused() {
    self.state.withLock { $0.flushScheduled = false }
  }

  /// No more frames: what is queued is written, then the channel is closed.
  func finish() {
    let flush = self.state.withLock { state -> Bool in
      guard !state.closed.set else { return false }
      state.closed = (nil, true)
      if state.flushScheduled { return false }
      state.flushScheduled = true
      return true
    }
    if flush { self.runFlush() }
  }

  /// No more frames, and what is queued is dropped: writers waiting get `error`.
  func fail(_ error: any Error) {
    let (waiters, writer) = self.state.withLock {
      state -> ([CheckedContinuation<Void, any Error>], NIOLoopBound<FrameWriterHandler>?) in
      guard !state.closed.set || state.closed.error == nil else { return ([], nil) }
      state.closed = (error, true)
      state.pending = []
      state.pendingBytes = 0
      let waiters = Array(state.waiters.values)
      state.waiters = [:]
      let writer = state.writer
      state.writer = nil
      return (waiters, writer)
    }
    for waiter in waiters { waiter.resume(throwing: error) }
    if let writer {
      writer.eventLoop.execute { writer.value.closeChannel() }
    }
  }

  private func append(
    limit: Int? = nil,
    _ make: (inout State) throws -> [WireOutput]
  ) throws -> Bool {
    let (mustWait, schedule) = try self.state.withLock { state -> (Bool, Bool) in
      if state.closed.set {
        throw state.closed.error
          ?? FramedRPCError(code: .connectionClosed, message: "the connection is closing")
      }
      if let limit, state.pendingBytes > limit {
        throw FramedRPCError(
          code: .connectionClosed,
          message: "more than \(limit) bytes queued for a peer that does not read"
        )
      }
      let outputs = try make(&state)
      state.pending.append(contentsOf: outputs)
      state.pendingBytes += outputs.reduce(0) { $0 + $1.wireSize }
      var schedule = false
      if !state.flushScheduled, state.writer != nil {
        state.flushScheduled = true
        schedule = true
      }
      return (state.pendingBytes > self.highWatermark, schedule)
    }
    if schedule { self.scheduleFlush() }
    return mustWait
  }

  private func scheduleFlush() {
    self.runFlush()
  }

  /// Runs the writer's flush on the event loop (inline when already there).
  private func runFlush() {
    guard let writer = self.state.withLock({ $0.writer }) else {
      // Not attached yet (attach flushes) or already closed.
      self.state.withLock { $0.flushScheduled = false }
      return
    }
    if writer.eventLoop.inEventLoop {
      writer.value.flushQueue()
    } else {
      writer.eventLoop.execute { writer.value.flushQueue() }
    }
  }

  private func waitForRoom() async throws {
    let id = self.state.withLock { state in
      defer { state.nextWaiterID += 1 }
      return state.nextWaiterID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Void, any Error>) in
        let action: WaitAction = self.state.withLock { state in
          if let error = state.closed.error { return .fail(error) }
          if state.closed.set || state.pendingBytes <= self.highWatermark { return .resume }
          if Task.isCancelled { return .fail(CancellationError()) }
          state.waiters[id] = continuation
          return .wait
        }
        switch action {
        case .wait: break
        case .resume: continuation.resume()
        case .fail(let error): continuation.resume(throwing: error)
        }
      }
    } onCancel: {
      self.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(
        throwing: CancellationError()
      )
    }
  }
}
