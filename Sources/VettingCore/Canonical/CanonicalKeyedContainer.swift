/// The members of an object: each value is appended to the buffer and its range pushed on the
/// member stack under its key, to be ordered when the object closes.
struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let encoder: CanonicalEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }
  private var buffer: CanonicalBuffer { encoder.buffer }

  /// Records the bytes `write` appends as the value of `key`.
  private func member(_ key: Key, _ write: () throws -> Void) rethrows {
    let start = buffer.count
    try write()
    buffer.members.append(.init(key: key.stringValue, value: start..<buffer.count))
  }

  mutating func encodeNil(forKey key: Key) throws { member(key) { buffer.append(ascii: "null") } }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    member(key) { buffer.append(bool: value) }
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    member(key) { buffer.append(string: value) }
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    member(key) { buffer.append(integer: value) }
  }
  // JSONEncoder's floating-point text is not worth imitating: canonical values have none.
  mutating func encode(_ value: Double, forKey key: Key) throws { buffer.unsupported = true }
  mutating func encode(_ value: Float, forKey key: Key) throws { buffer.unsupported = true }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try member(key) { try buffer.encode(value, parent: encoder, key: key) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    encoder.detached().container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    encoder.detached().unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { encoder.detached() }
  mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.detached() }
}
