import Synchronization

/// The cancellation state of one statement, shared between the thread that runs it and the task
/// cancellation handler of the task that awaits it.
///
/// A cancel that comes before the statement is sent stops it from being sent at all; one that
/// comes while or after it is sent triggers `PQcancel`, repeated every 250 ms until the statement
/// ends, because a cancel request that reaches the server before the statement starts executing
/// is ignored by the server. The state lock is never held while sending, so the cancellation
/// handler (which may run on any thread) never waits for network I/O; ``finish()`` waits for a
/// cancel request in flight, so no cancel outlives the statement it was meant for.
final class QueryCancellation: Sendable {
  private enum State {
    case pending
    case sending
    case cancelRequestedWhileSending
    case running
    case cancelRequested
    case finished
    case finishedAfterCancel
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
      state = .sending
    }
    do {
      try send()
    } catch {
      state.withLock { $0 = .finished }
      throw error
    }
    let cancelNow = state.withLock { state -> Bool in
      if case .cancelRequestedWhileSending = state {
        state = .cancelRequested
        return true
      }
      state = .running
      return false
    }
    if cancelNow { sendCancelUntilFinished() }
  }

  /// The statement finished (successfully or not).
  /// - Returns: whether a cancel was requested while it ran.
  @discardableResult
  func finish() -> Bool {
    // Waits for a cancel request already being sent (milliseconds): once this returns, none of
    // this statement's cancels can reach whatever runs next on the connection.
    cancelHandle.excludingCancelRequests {
      state.withLock { state in
        if case .cancelRequested = state {
          state = .finishedAfterCancel
          return true
        }
        state = .finished
        return false
      }
    }
  }

  /// Makes the token usable for the next statement of the same call (prepare, then execute).
  /// - Returns: false when a cancel was requested meanwhile: the caller must stop.
  func rearm() -> Bool {
    state.withLock { state in
      guard case .finished = state else { return false }
      state = .pending
      return true
    }
  }

  /// Called from the task cancellation handler (any thread; must not block).
  func cancel() {
    let mustSend = state.withLock { state -> Bool in
      switch state {
      case .pending:
        state = .cancelRequested
        return false
      case .sending:
        state = .cancelRequestedWhileSending
        return false
      case .running:
        state = .cancelRequested
        return true
      case .finished:
        state = .finishedAfterCancel
        return false
      case .cancelRequestedWhileSending, .cancelRequested, .finishedAfterCancel:
        return false
      }
    }
    if mustSend { sendCancelUntilFinished() }
  }

  /// Whether a cancel was requested before anything was sent (used while connecting).
  var isCancelRequested: Bool {
    state.withLock { state in
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

  private func sendCancelUntilFinished() {
    let cancelHandle = self.cancelHandle
    Task {
      for _ in 0..<40 {
        guard self.isCancelPending else { return }
        await cancelHandle.sendCancel(if: { self.isCancelPending })
        try? await Task.sleep(for: .milliseconds(250))
      }
    }
  }
}
