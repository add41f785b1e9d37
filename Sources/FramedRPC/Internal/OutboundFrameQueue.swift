import NIOCore
import NIOPosix
import Synchronization

/// The frames a connection will write, in order, and the one task that writes them.
///
/// Every stream of the connection (and the read loop, for PONG, TRAILERS of refused streams and
/// GOAWAY) appends here; one drain task hands everything queued to the channel's writer in a
/// single batch (one flush). The writer suspends while the socket is not writable, so the queue
/// grows; writers of stream data then suspend once more than `highWatermark` bytes are queued.
/// Memory per connection is bounded by the watermark plus one message per stream plus the
/// channel's own write buffer. Opening a stream allocates its id under the same lock as the
/// append, so HEADERS frames always go out in increasing stream id order.
final class OutboundFrameQueue: Sendable {
  private struct State {
    var pending: [WireOutput] = []
    var pendingBytes = 0
    var drainer: CheckedContinuation<[WireOutput]?, Never>?
    var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
    var nextWaiterID: UInt64 = 0
    /// Set when no more frames may be queued: nil error = finish writing what is queued.
    var closed: (error: (any Error)?, set: Bool) = (nil, false)
    var nextStreamID: UInt32 = 1
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

  /// Appends a frame and suspends while more than the high watermark is queued.
  func enqueue(_ output: WireOutput) async throws {
    let mustWait = try self.append { _ in output }
    if mustWait { try await self.waitForDrain() }
  }

  /// Appends a HEADERS-opening frame with a freshly allocated odd stream id.
  ///
  /// `makeFrame` runs under the queue's lock (keep it short); it receives the id and may throw
  /// to refuse opening the stream.
  func enqueueOpening(_ makeFrame: (UInt32) throws -> Frame) async throws -> UInt32 {
    var id: UInt32 = 0
    let mustWait = try self.append { state in
      id = state.nextStreamID
      guard id < UInt32(Int32.max) else {
        throw RPCConnectionExhausted()
      }
      let frame = try makeFrame(id)
      state.nextStreamID += 2
      return .frame(frame)
    }
    if mustWait { try await self.waitForDrain() }
    return id
  }

  /// Appends a frame without waiting. Returns false when the connection is closed or the peer
  /// has let the hard limit of queued bytes build up.
  @discardableResult
  func enqueueWithoutWaiting(_ output: WireOutput) -> Bool {
    do {
      _ = try self.append(limit: self.hardLimit) { _ in output }
      return true
    } catch {
      return false
    }
  }

  /// The next batch to write, or nil once the queue is closed (after draining, if finished).
  func nextBatch() async -> [WireOutput]? {
    await withCheckedContinuation { (continuation: CheckedContinuation<[WireOutput]?, Never>) in
      let (batch, waiters) = self.state.withLock {
        state -> ([WireOutput]??, [CheckedContinuation<Void, any Error>]) in
        if !state.pending.isEmpty, state.closed.error == nil {
          let batch = state.pending
          state.pending = []
          state.pendingBytes = 0
          let waiters = Array(state.waiters.values)
          state.waiters = [:]
          return (.some(batch), waiters)
        }
        if state.closed.set { return (.some(nil), []) }
        state.drainer = continuation
        return (nil, [])
      }
      for waiter in waiters { waiter.resume() }
      if let batch { continuation.resume(returning: batch) }
    }
  }

  /// No more frames: the drain task writes what is queued, then `nextBatch` returns nil.
  func finish() {
    self.close(error: nil)
  }

  /// No more frames, and what is queued is dropped: writers waiting get `error`.
  func fail(_ error: any Error) {
    self.close(error: error)
  }

  private func close(error: (any Error)?) {
    let (drainer, batch, waiters) = self.state.withLock {
      state -> (
        CheckedContinuation<[WireOutput]?, Never>?, [WireOutput]?,
        [CheckedContinuation<Void, any Error>]
      ) in
      guard !state.closed.set else { return (nil, nil, []) }
      state.closed = (error, true)
      let waiters = Array(state.waiters.values)
      state.waiters = [:]
      if error != nil {
        state.pending = []
        state.pendingBytes = 0
      }
      guard let drainer = state.drainer.take() else { return (nil, nil, waiters) }
      if state.pending.isEmpty { return (drainer, nil, waiters) }
      let batch = state.pending
      state.pending = []
      state.pendingBytes = 0
      return (drainer, batch, waiters)
    }
    for waiter in waiters {
      if let error {
        waiter.resume(throwing: error)
      } else {
        waiter.resume()
      }
    }
    drainer?.resume(returning: batch)
  }

  /// Writes batches to `writer` until the queue closes or a write fails.
  func drain(into writer: NIOAsyncChannelOutboundWriter<WireOutput>) async {
    while let batch = await self.nextBatch() {
      do {
        try await writer.write(contentsOf: batch)
      } catch {
        self.fail(error)
        return
      }
    }
  }

  private func append(
    limit: Int? = nil,
    _ make: (inout State) throws -> WireOutput
  ) throws -> Bool {
    let (mustWait, drainer): (Bool, (CheckedContinuation<[WireOutput]?, Never>, [WireOutput])?) =
      try self.state.withLock { state in
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
        let output = try make(&state)
        if let drainer = state.drainer.take() {
          // The drain task is idle: hand it this frame directly.
          return (false, (drainer, [output]))
        }
        state.pending.append(output)
        state.pendingBytes += output.wireSize
        return (state.pendingBytes > self.highWatermark, nil)
      }
    if let (continuation, batch) = drainer {
      continuation.resume(returning: batch)
    }
    return mustWait
  }

  private enum WaitAction {
    case wait
    case resume
    case fail(any Error)
  }

  private func waitForDrain() async throws {
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

/// Thrown when a connection has used every client stream id.
struct RPCConnectionExhausted: Error {}
