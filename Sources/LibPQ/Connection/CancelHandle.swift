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

  /// Sends a cancel request on a thread-pool thread (it connects to the server and blocks).
  func sendCancel() async {
    _ = try? await NIOThreadPool.singleton.runIfActive {
      self.pointer.withLock { pointer in
        guard let raw = pointer.raw else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(raw, &buffer, Int32(buffer.count))
      }
    }
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
