/// A streaming `Encoder` that writes ``CanonicalJSON``'s bytes directly, without building a
/// tree of values or sorting keys with Foundation's string comparison as `JSONEncoder` does.
///
/// One instance encodes one value: it appends the value to the shared ``CanonicalBuffer`` and
/// ``close()`` finishes it once its `encode(to:)` has returned (an object's members are then put
/// in key order). Whatever `JSONEncoder` would write differently or that is rare in this code
/// base (floating point, nested containers, super encoders, an object key encoded twice, a value
/// that encodes nothing) marks the buffer unsupported, and ``CanonicalJSON`` falls back to
/// `JSONEncoder` for the whole value.
final class CanonicalEncoder: Encoder {
  /// What the value turned out to be.
  private enum Shape {
    case nothing
    /// Its bytes start at `start`; its members at `base` on the buffer's member stack.
    case object(start: Int, base: Int)
    case array
    case single(start: Int)
  }

  let buffer: CanonicalBuffer
  /// The encoder of the enclosing value and this value's key in it: the coding path is only
  /// needed for error messages, so it is not built for every value.
  private let parent: CanonicalEncoder?
  private let key: (any CodingKey)?
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  private var shape = Shape.nothing
  /// Elements written so far, when the value is an array.
  var elementCount = 0

  init(buffer: CanonicalBuffer, parent: CanonicalEncoder?, key: (any CodingKey)?) {
    self.buffer = buffer
    self.parent = parent
    self.key = key
  }

  var codingPath: [any CodingKey] {
    var path: [any CodingKey] = []
    var encoder: CanonicalEncoder? = self
    while let current = encoder {
      if let key = current.key { path.append(key) }
      encoder = current.parent
    }
    return path.reversed()
  }

  /// The canonical bytes of `value`, or `nil` when it needs `JSONEncoder`.
  static func encode(_ value: some Encodable) throws -> [UInt8]? {
    let buffer = CanonicalBuffer(capacity: 1 << 14)
    try buffer.encode(value, parent: nil, key: nil)
    return buffer.unsupported ? nil : buffer.bytes
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    switch shape {
    case .object:
      return KeyedEncodingContainer(CanonicalKeyedContainer(encoder: self))
    case .nothing:
      shape = .object(start: buffer.count, base: buffer.members.count)
      return KeyedEncodingContainer(CanonicalKeyedContainer(encoder: self))
    case .array, .single:
      return detached().container(keyedBy: type)
    }
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    switch shape {
    case .array: return CanonicalUnkeyedContainer(encoder: self)
    case .nothing:
      buffer.append(UInt8(ascii: "["))
      shape = .array
      return CanonicalUnkeyedContainer(encoder: self)
    case .object, .single:
      return detached().unkeyedContainer()
    }
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    switch shape {
    case .nothing:
      shape = .single(start: buffer.count)
      return CanonicalSingleValueContainer(encoder: self)
    case .object, .array, .single:
      return detached().singleValueContainer()
    }
  }

  /// Writes the separator before the next element of an array.
  func nextElement() {
    if elementCount > 0 { buffer.append(UInt8(ascii: ",")) }
    elementCount += 1
  }

  /// Finishes the value once its `encode(to:)` has returned.
  func close() {
    switch shape {
    case .nothing: buffer.unsupported = true
    case .object(let start, let base): buffer.closeObject(start: start, base: base)
    case .array: buffer.append(UInt8(ascii: "]"))
    case .single(let start): if buffer.count == start { buffer.unsupported = true }
    }
  }

  /// An encoder writing into a scratch buffer, for a use the fast writer does not support: the
  /// value still encodes without trapping, and the real buffer is marked for the fallback.
  func detached() -> CanonicalEncoder {
    buffer.unsupported = true
    return CanonicalEncoder(buffer: CanonicalBuffer(), parent: parent, key: key)
  }
}

extension CanonicalBuffer {
  /// Appends `value` through a fresh ``CanonicalEncoder`` for the member or element `key` of
  /// the value `parent` is encoding.
  func encode(_ value: some Encodable, parent: CanonicalEncoder?, key: (any CodingKey)?) throws {
    let encoder = CanonicalEncoder(buffer: self, parent: parent, key: key)
    try value.encode(to: encoder)
    encoder.close()
  }
}
