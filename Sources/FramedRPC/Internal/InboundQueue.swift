import NIOCore
import Synchronization

/// The parts received for one stream, waiting for the RPC to consume them.
///
/// The connection's read loop is the only producer: after `yield` it checks whether the queue is
/// over its byte limit and, if so, awaits `waitForSpace()` — which stops reading the connection
/// (documented head-of-line blocking) instead of buffering without bound. The RPC is the only
/// consumer, through the `AsyncSequence` conformance.
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
    var producer: CheckedContinuation<Void, Never>?
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
  /// the producer should `await waitForSpace()` before producing more.
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

  /// Suspends until the consumer has taken enough to be under the limit, or went away.
  func waitForSpace() async {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let resumeNow = self.state.withLock { state in
          if state.bufferedBytes <= self.limit || state.discarded || Task.isCancelled {
            return true
          }
          state.producer = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      self.state.withLock { $0.producer.take() }?.resume()
    }
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
      return state.producer.take()
    }
    producer?.resume()
  }

  private enum NextAction {
    case element(Element, CheckedContinuation<Void, Never>?)
    case end
    case fail(any Error)
    case wait
  }

  fileprivate func next() async throws -> Element? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Element?, any Error>) in
        let action: NextAction = self.state.withLock { state in
          if let first = state.buffer.popFirst() {
            state.bufferedBytes -= first.bytes
            let producer = state.bufferedBytes <= self.limit ? state.producer.take() : nil
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
          producer?.resume()
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
