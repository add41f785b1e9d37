import Synchronization

/// What a test's request producer has written so far, and whether the test wants it to stop;
/// shared between the producer's task and the test.
final class ProducerProgress: Sendable {
  private struct State {
    var written = 0
    var stopRequested = false
  }

  private let state = Mutex(State())

  /// Messages written so far.
  var written: Int { self.state.withLock { $0.written } }
  /// The test asked the producer to stop after its current write.
  var stopRequested: Bool { self.state.withLock { $0.stopRequested } }

  func recordWrite() {
    self.state.withLock { $0.written += 1 }
  }

  func requestStop() {
    self.state.withLock { $0.stopRequested = true }
  }
}
