import CLibPQ
import NIOPosix
import Synchronization

/// libpq's `PGcancel` for one connection: what `PQcancel` needs to ask the server to stop the
/// statement the connection is running. `PQcancel` is thread-safe and may be called while the
/// connection's own thread is blocked waiting for that statement.
final class CancelHandle: Sendable {
  /// The `PGcancel*`; `OpaquePointer` is not `Sendable`, the mutex makes every use exclusive and
  /// `free()` guarantees no use after `PQfreeCancel`.
  private struct Pointer: @unchecked Sendable {
    var raw: OpaquePointer?
  }

  private let pointer: Mutex<Pointer>

  init(_ raw: OpaquePointer?) {
    self.pointer = Mutex(Pointer(raw: raw))
  }

  /// Sends a cancel request on a thread-pool thread (it connects to the server and blocks), if
  /// `stillWanted()` holds at the moment of sending.
  ///
  /// `stillWanted()` is evaluated and the request sent under the same lock that
  /// ``excludingCancelRequests(_:)`` takes, so a statement that finishes under that lock can never
  /// be followed by a cancel meant for it: the connection may by then run another borrower's
  /// statement, and a late cancel would fail that one with `57014 query_canceled`.
  func sendCancel(if stillWanted: @escaping @Sendable () -> Bool) async {
    _ = try? await NIOThreadPool.singleton.runIfActive {
      self.pointer.withLock { pointer in
        guard let raw = pointer.raw, stillWanted() else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(raw, &buffer, Int32(buffer.count))
      }
    }
  }

  /// Runs `body` while no cancel request can be in flight on this connection. `PQcancel` returns
  /// once the server has acted on the request, so after `body` no cancel sent before it can reach
  /// a later statement.
  func excludingCancelRequests<T>(_ body: () -> T) -> T {
    pointer.withLock { _ in body() }
  }

  func free() {
    pointer.withLock { pointer in
      if let raw = pointer.raw { PQfreeCancel(raw) }
      pointer.raw = nil
    }
  }

  deinit {
    free()
  }
}
