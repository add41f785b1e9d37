import Synchronization

/// A value shared between a test and the tasks it starts.
final class LockedBox<Value: Sendable>: Sendable {
  private let storage: Mutex<Value>

  init(_ value: Value) {
    storage = Mutex(value)
  }

  var value: Value {
    get { storage.withLock { $0 } }
    set { storage.withLock { $0 = newValue } }
  }

  func update(_ body: (inout Value) -> Void) {
    storage.withLock { body(&$0) }
  }
}
