/// Writes canonical JSON by hand, member by member, for the types encoded on every assessment
/// and every demo row, where going through `Codable` (even ``CanonicalEncoder``) was the largest
/// cost. The caller writes each object's members in key order (as `String`'s `<` orders the
/// keys); the writer places commas, quotes and escapes.
///
/// The bytes must equal the `Codable` encoding: every user checks that in debug builds (and so in
/// every test run), and `CanonicalJSONTests` compares them over synthetic providers.
struct CanonicalWriter {
  private(set) var bytes: [UInt8] = []
  /// Whether the next member or element needs a comma before it.
  private var needsComma = false

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// An object: `body` writes its members, in key order.
  mutating func object(_ body: (inout CanonicalWriter) -> Void) {
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// An array of `values`, each written by `element`.
  mutating func array<T>(_ values: [T], _ element: (inout CanonicalWriter, T) -> Void) {
    bytes.append(UInt8(ascii: "["))
    for (index, value) in values.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      needsComma = false
      element(&self, value)
    }
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A member's key; its value must follow.
  mutating func key(_ name: StaticString) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  mutating func string(_ value: String) {
    CanonicalBuffer.write(string: value, into: &bytes)
    needsComma = true
  }

  mutating func integer(_ value: Int) {
    CanonicalBuffer.write(integer: value, into: &bytes)
    needsComma = true
  }

  mutating func bool(_ value: Bool) {
    (value ? "true" : "false" as StaticString).withUTF8Buffer { bytes.append(contentsOf: $0) }
    needsComma = true
  }

  mutating func null() {
    ("null" as StaticString).withUTF8Buffer { bytes.append(contentsOf: $0) }
    needsComma = true
  }

  // Members, as synthesized `Codable` writes them: an optional that is nil is left out.

  mutating func member(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  mutating func member(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    member(name, value)
  }

  mutating func member(_ name: StaticString, _ value: Int) {
    key(name)
    integer(value)
  }

  mutating func member(_ name: StaticString, _ value: Int?) {
    guard let value else { return }
    member(name, value)
  }

  mutating func member(_ name: StaticString, _ value: Bool) {
    key(name)
    bool(value)
  }

  mutating func member(_ name: StaticString, _ value: Day?) {
    guard let value else { return }
    member(name, value.description)
  }

  mutating func member<T: RawRepresentable<String>>(_ name: StaticString, _ value: T) {
    member(name, value.rawValue)
  }

  mutating func member(_ name: StaticString, strings values: [String]) {
    key(name)
    array(values) { $0.string($1) }
  }

  mutating func member<T: RawRepresentable<String>>(_ name: StaticString, raw values: [T]) {
    key(name)
    array(values) { $0.string($1.rawValue) }
  }
}
