import Synchronization

/// The cancellation state of one statement, shared between the thread that runs it and the task
/// cancellation handler of the task that awaits it.
///
/// The lock makes "check, then send the statement" atomic with respect to "cancel": a cancel that
/// comes before the statement is sent stops it from being sent at all; one that comes after it was
/// sent triggers `PQcancel` (repeated until the statement ends, because a cancel request that
/// reaches the server before the statement starts executing is ignored by the server).
final class QueryCancellation: Sendable {
  private enum State {
    case pending
    case running
    case cancelRequested
    case finished
  }

  private let state = Mutex(State.pending)
  private let cancelHandle: CancelHandle

  init(cancelHandle: CancelHandle) {
    self.cancelHandle = cancelHandle
  }

  /// Runs `send` (which sends the statement) unless cancellation was already requested.
  func start(_ send: () throws -> Void) throws {
    try state.withLock { state in
      guard case .pending = state else { throw CancellationError() }
      try send()
      state = .running
    }
  }

  /// The statement finished (successfully or not); later cancels do nothing.
  /// - Returns: whether a cancel was requested while it ran.
  @discardableResult
  func finish() -> Bool {
    state.withLock { state in
      defer { state = .finished }
      if case .cancelRequested = state { return true }
      return false
    }
  }

  private var isCancelPending: Bool {
    state.withLock { state in
      if case .cancelRequested = state { return true }
      return false
    }
  }

  /// Called from the task cancellation handler (any thread, must not block).
  func cancel() {
    let mustSend = state.withLock { state -> Bool in
      switch state {
      case .pending:
        state = .cancelRequested
        return false
      case .running:
        state = .cancelRequested
        return true
      case .cancelRequested, .finished:
        return false
      }
    }
    guard mustSend else { return }
    let cancelHandle = self.cancelHandle
    Task {
      // PQcancel opens a new connection and blocks, so it runs on a thread pool thread.
      for _ in 0..<40 {
        guard self.isCancelPending else { return }
        await cancelHandle.sendCancel()
        try? await Task.sleep(for: .milliseconds(250))
      }
    }
  }
}
