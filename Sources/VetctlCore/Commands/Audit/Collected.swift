import Synchronization

/// What a streaming call hands to its `@Sendable` closure, gathered in order.
final class Collected<Element: Sendable>: Sendable {
  private let items = Mutex<[Element]>([])

  /// Appends one item.
  func append(_ item: Element) { items.withLock { $0.append(item) } }

  /// Everything so far.
  var all: [Element] { items.withLock { $0 } }
}
