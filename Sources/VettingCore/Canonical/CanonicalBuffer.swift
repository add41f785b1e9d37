/// The bytes of one canonical encoding being written, shared by every encoder and container of
/// that encoding.
///
/// Values are appended in the order `Encodable` conformances encode them; an object's members
/// are put in key order when the object is complete (``closeObject(start:base:)``).
final class CanonicalBuffer {
  /// One member of an open object: its key and where its value's bytes are.
  struct Member {
    var key: String
    var value: Range<Int>
  }

  var bytes: [UInt8] = []
  /// The members of every open object, innermost last (one stack for the whole encoding, so
  /// an object costs no allocation of its own).
  var members: [Member] = []
  /// Set when the value used something the fast writer does not write exactly as
  /// Foundation's `JSONEncoder` would (floating point, nested containers, ...): the caller then
  /// falls back to `JSONEncoder`.
  var unsupported = false

  /// Reused by ``closeObject(start:base:)`` to assemble an object (closes never overlap).
  private var scratch: [UInt8] = []

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
    members.reserveCapacity(capacity > 0 ? 64 : 0)
  }

  var count: Int { bytes.count }

  func append(_ byte: UInt8) { bytes.append(byte) }

  func append(ascii text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A JSON string literal, escaped as `JSONEncoder` escapes it: `"` and `\`, the short forms
  /// `\b \t \n \f \r`, other control characters as lowercase `\u00xx`; everything else
  /// (including `/`, DEL and non-ASCII) as its UTF-8 bytes.
  func append(string: String) { Self.write(string: string, into: &bytes) }

  /// Appends `string` as a JSON string literal to `bytes`.
  static func write(string: String, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var text = string
    text.withUTF8 { utf8 in
      var clean = 0
      for index in utf8.indices {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<index]))
        clean = index + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)]])
          bytes.append(hex[Int(byte & 0xF)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// An integer in decimal.
  func append<T: BinaryInteger>(integer value: T) { Self.write(integer: value, into: &bytes) }

  /// Appends `value` in decimal to `bytes`.
  static func write<T: BinaryInteger>(integer value: T, into bytes: inout [UInt8]) {
    if value == 0 {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    // Digits of the magnitude, least significant first (dividing the signed value, so T.min
    // does not overflow), then turned around in place.
    let first = bytes.count
    var rest = value
    while rest != 0 {
      let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
      bytes.append(UInt8(ascii: "0") + UInt8(remainder.magnitude))
      rest = quotient
    }
    bytes[first...].reverse()
  }

  func append(bool value: Bool) {
    value ? append(ascii: "true") : append(ascii: "false")
  }

  /// Replaces the values written since `start` (the members from `base` on the stack) with the
  /// finished object, members in key order, and pops them. Keys are ordered as `String`'s `<`
  /// orders them, which is how `JSONEncoder`'s `.sortedKeys` orders them (by Unicode scalar:
  /// `"B" < "a"`, `"a10" < "a9"`).
  func closeObject(start: Int, base: Int) {
    members[base...].sort { $0.key < $1.key }
    var index = base + 1
    while index < members.count {
      // JSONEncoder keeps the last value of a key encoded twice; not worth imitating.
      if members[index - 1].key == members[index].key { unsupported = true }
      index += 1
    }
    var object = scratch
    scratch = []
    object.removeAll(keepingCapacity: true)
    object.append(UInt8(ascii: "{"))
    for index in members.indices[base...] {
      if index > base { object.append(UInt8(ascii: ",")) }
      Self.write(string: members[index].key, into: &object)
      object.append(UInt8(ascii: ":"))
      object.append(contentsOf: bytes[members[index].value])
    }
    object.append(UInt8(ascii: "}"))
    bytes.replaceSubrange(start..<bytes.count, with: object)
    members.removeSubrange(base...)
    scratch = object
  }
}
