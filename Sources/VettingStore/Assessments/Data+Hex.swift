import Foundation

extension Data {
  /// Lower-case hex, as input hashes are shown and compared (every re-score, every report row,
  /// every demo row: written digit by digit, as `String(format:)` per byte was a visible cost).
  package var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(count * 2)
    for byte in self {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
