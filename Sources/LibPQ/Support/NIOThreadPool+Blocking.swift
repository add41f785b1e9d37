import NIOPosix

extension NIOThreadPool {
  /// Runs blocking work on the pool and awaits it.
  ///
  /// Unlike `runIfActive`, a work item is never skipped because the awaiting task was cancelled:
  /// a `ROLLBACK` issued by a cancelled task must still run. Cancellation of statements is
  /// handled by ``QueryCancellation`` instead.
  func runBlocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      submit { state in
        switch state {
        case .active:
          continuation.resume(with: Result(catching: body))
        case .cancelled:
          continuation.resume(
            throwing: PostgresError(code: .connectionClosed, message: "the connection was closed"))
        }
      }
    }
  }
}
