/// The elements of an array, appended in order.
struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
  let encoder: CanonicalEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }
  var count: Int { encoder.elementCount }
  private var buffer: CanonicalBuffer { encoder.buffer }

  mutating func encodeNil() throws {
    encoder.nextElement()
    buffer.append(ascii: "null")
  }
  mutating func encode(_ value: Bool) throws {
    encoder.nextElement()
    buffer.append(bool: value)
  }
  mutating func encode(_ value: String) throws {
    encoder.nextElement()
    buffer.append(string: value)
  }
  mutating func encode(_ value: Int) throws {
    encoder.nextElement()
    buffer.append(integer: value)
  }
  mutating func encode(_ value: Int64) throws {
    encoder.nextElement()
    buffer.append(integer: value)
  }
  mutating func encode(_ value: Double) throws { buffer.unsupported = true }
  mutating func encode(_ value: Float) throws { buffer.unsupported = true }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let index = CanonicalIndexKey(intValue: encoder.elementCount)
    encoder.nextElement()
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
