/// A value that is one scalar (a ``Day``, a raw-valued enum) or that forwards to another
/// `Encodable`.
struct CanonicalSingleValueContainer: SingleValueEncodingContainer {
  let encoder: CanonicalEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }
  private var buffer: CanonicalBuffer { encoder.buffer }

  mutating func encodeNil() throws { buffer.append(ascii: "null") }
  mutating func encode(_ value: Bool) throws { buffer.append(bool: value) }
  mutating func encode(_ value: String) throws { buffer.append(string: value) }
  mutating func encode(_ value: Int) throws { buffer.append(integer: value) }
  mutating func encode(_ value: Int8) throws { buffer.append(integer: value) }
  mutating func encode(_ value: Int16) throws { buffer.append(integer: value) }
  mutating func encode(_ value: Int32) throws { buffer.append(integer: value) }
  mutating func encode(_ value: Int64) throws { buffer.append(integer: value) }
  mutating func encode(_ value: UInt) throws { buffer.append(integer: value) }
  mutating func encode(_ value: UInt8) throws { buffer.append(integer: value) }
  mutating func encode(_ value: UInt16) throws { buffer.append(integer: value) }
  mutating func encode(_ value: UInt32) throws { buffer.append(integer: value) }
  mutating func encode(_ value: UInt64) throws { buffer.append(integer: value) }
  mutating func encode(_ value: Double) throws { buffer.unsupported = true }
  mutating func encode(_ value: Float) throws { buffer.unsupported = true }

  mutating func encode<T: Encodable>(_ value: T) throws {
    // The value stands in for this one (e.g. a wrapper encoding its wrapped value): encoded in
    // place, under this value's coding path.
    let inner = CanonicalEncoder(buffer: buffer, parent: encoder, key: nil)
    try value.encode(to: inner)
    inner.close()
  }
}
