import NIOCore
import Synchronization

/// The parts received for one stream, waiting for the RPC to consume them.
///
/// The connection's `FrameDispatchHandler` is the only producer, on the event loop: when `yield`
/// reports the queue over its byte limit, it stops reading the connection (documented
/// head-of-line blocking) instead of buffering without bound, and asks `whenSpace` to be told when
/// the consumer has caught up. Being told by a callback rather than by resuming a suspended
/// reader task is what lets frames go from the event loop straight to the RPC, with no task in
/// between. The RPC is the only consumer, through the `AsyncSequence` conformance.
final class InboundQueue<Element: Sendable>: AsyncSequence, Sendable {
  typealias Failure = any Error

  private enum Terminal {
    case finished
    case failed(any Error)
  }

  private struct State {
    var buffer = CircularBuffer<(element: Element, bytes: Int)>()
    var bufferedBytes = 0
    var consumer: CheckedContinuation<Element?, any Error>?
    /// Called once the buffered bytes are back under the limit (or the consumer went away).
    var onSpace: (@Sendable () -> Void)?
    var terminal: Terminal?
    var consumerCancelled = false
    var discarded = false
  }

  private let limit: Int
  private let state = Mutex(State())

  init(limit: Int) {
    self.limit = limit
  }

  /// Hands `element` to the consumer. Returns true when the queue is now over its byte limit and
  /// the producer should stop producing until `whenSpace` calls back.
  func yield(_ element: Element, bytes: Int) -> Bool {
    let (consumer, overLimit): (CheckedContinuation<Element?, any Error>?, Bool) =
      self.state.withLock { state in
        if state.terminal != nil || state.discarded { return (nil, false) }
        if let consumer = state.consumer {
          state.consumer = nil
          return (consumer, false)
        }
        state.buffer.append((element, bytes))
        state.bufferedBytes += bytes
        return (nil, state.bufferedBytes > self.limit)
      }
    consumer?.resume(returning: element)
    return overLimit
  }

  /// Calls `callback` once the consumer has taken enough to be under the limit, or went away: at
  /// once (on the caller's thread) if that is already so, otherwise on the consumer's thread. One
  /// callback at a time; a new one replaces the old.
  func whenSpace(_ callback: @escaping @Sendable () -> Void) {
    let callNow = self.state.withLock { state in
      if state.bufferedBytes <= self.limit || state.discarded { return true }
      state.onSpace = callback
      return false
    }
    if callNow { callback() }
  }

  /// No more elements; the consumer sees the end (after what is buffered), or `error`.
  func finish(throwing error: (any Error)? = nil) {
    let consumer: CheckedContinuation<Element?, any Error>? = self.state.withLock { state in
      guard state.terminal == nil else { return nil }
      state.terminal = error.map { .failed($0) } ?? .finished
      guard state.buffer.isEmpty, let consumer = state.consumer else { return nil }
      state.consumer = nil
      state.terminal = .finished
      return consumer
    }
    if let error {
      consumer?.resume(throwing: error)
    } else {
      consumer?.resume(returning: nil)
    }
  }

  /// The consumer is gone: drop what is buffered and never block the producer again.
  func discard() {
    let producer = self.state.withLock { state in
      state.discarded = true
      state.buffer.removeAll()
      state.bufferedBytes = 0
      return state.onSpace.take()
    }
    producer?()
  }

  private enum NextAction {
    case element(Element, (@Sendable () -> Void)?)
    case end
    case fail(any Error)
    case wait
  }

  func next() async throws -> Element? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Element?, any Error>) in
        let action: NextAction = self.state.withLock { state in
          if let first = state.buffer.popFirst() {
            state.bufferedBytes -= first.bytes
            let producer = state.bufferedBytes <= self.limit ? state.onSpace.take() : nil
            return .element(first.element, producer)
          }
          switch state.terminal {
          case .finished?:
            return .end
          case .failed(let error)?:
            state.terminal = .finished
            return .fail(error)
          case nil:
            if state.consumerCancelled { return .fail(CancellationError()) }
            state.consumer = continuation
            return .wait
          }
        }
        switch action {
        case .element(let element, let producer):
          producer?()
          continuation.resume(returning: element)
        case .end:
          continuation.resume(returning: nil)
        case .fail(let error):
          continuation.resume(throwing: error)
        case .wait:
          break
        }
      }
    } onCancel: {
      let consumer = self.state.withLock { state in
        state.consumerCancelled = true
        return state.consumer.take()
      }
      consumer?.resume(throwing: CancellationError())
    }
  }

  func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(queue: self)
  }

  struct AsyncIterator: AsyncIteratorProtocol {
    fileprivate let queue: InboundQueue<Element>

    mutating func next() async throws -> Element? {
      try await self.queue.next()
    }
  }
}
