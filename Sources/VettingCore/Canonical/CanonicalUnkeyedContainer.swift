/// The elements of an array, appended in order.
struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
  let encoder: CanonicalEncoder
  let array: CanonicalArray

  var codingPath: [any CodingKey] { encoder.codingPath }
  var count: Int { array.count }
  private var buffer: CanonicalBuffer { encoder.buffer }

  mutating func encodeNil() throws {
    array.next(in: buffer)
    buffer.append(ascii: "null")
  }
  mutating func encode(_ value: Bool) throws {
    array.next(in: buffer)
    buffer.append(bool: value)
  }
  mutating func encode(_ value: String) throws {
    array.next(in: buffer)
    buffer.append(string: value)
  }
  mutating func encode(_ value: Int) throws {
    array.next(in: buffer)
    buffer.append(integer: value)
  }
  mutating func encode(_ value: Int64) throws {
    array.next(in: buffer)
    buffer.append(integer: value)
  }
  mutating func encode(_ value: Double) throws { buffer.unsupported = true }
  mutating func encode(_ value: Float) throws { buffer.unsupported = true }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let index = CanonicalIndexKey(intValue: array.count)
    array.next(in: buffer)
    try buffer.encode(value, parent: encoder, key: index)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    encoder.detached().container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    encoder.detached().unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { encoder.detached() }
}
