/// The bytes of one canonical encoding being written, shared by every encoder and container of
/// that encoding.
///
/// Values are appended in the order `Encodable` conformances encode them; an object's members
/// are put in key order when the object is complete (``CanonicalObject/close(in:)``).
final class CanonicalBuffer {
  var bytes: [UInt8] = []
  /// Set when the value used something the fast writer does not write exactly as
  /// Foundation's `JSONEncoder` would (floating point, nested containers, ...): the caller then
  /// falls back to `JSONEncoder`.
  var unsupported = false

  init() { bytes.reserveCapacity(1 << 14) }

  var count: Int { bytes.count }

  func append(_ byte: UInt8) { bytes.append(byte) }

  func append(ascii text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A JSON string literal, escaped as `JSONEncoder` escapes it: `"` and `\`, the short forms
  /// `\b \t \n \f \r`, other control characters as lowercase `\u00xx`; everything else
  /// (including `/`, DEL and non-ASCII) as its UTF-8 bytes.
  func append(string: String) {
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
  func append<T: BinaryInteger>(integer value: T) {
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
}
