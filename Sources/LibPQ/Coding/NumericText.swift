/// Converts PostgreSQL's binary `numeric` to its exact decimal text, as the server would print it.
///
/// Binary layout: ndigits, weight, sign, dscale (int16 each), then ndigits base-10000 digits.
/// The value is sum(digit[i] * 10000^(weight - i)); dscale is the number of decimal places.
enum NumericText {
  static func string(from bytes: ArraySlice<UInt8>) -> String? {
    var reader = BinaryReader(bytes)
    guard let digitCount = reader.read(Int16.self), let weight = reader.read(Int16.self),
      let sign = reader.read(UInt16.self), let displayScale = reader.read(Int16.self),
      digitCount >= 0, displayScale >= 0
    else { return nil }
    switch sign {
    case 0xC000: return "NaN"
    case 0xD000: return "Infinity"
    case 0xF000: return "-Infinity"
    case 0x0000, 0x4000: break
    default: return nil
    }
    var digits: [Int] = []
    digits.reserveCapacity(Int(digitCount))
    for _ in 0..<digitCount {
      guard let digit = reader.read(Int16.self), (0...9999).contains(digit) else { return nil }
      digits.append(Int(digit))
    }
    guard reader.remaining.isEmpty else { return nil }
    func digit(at index: Int) -> Int { index >= 0 && index < digits.count ? digits[index] : 0 }
    func padded(_ value: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: 4 - text.count) + text
    }

    var text = sign == 0x4000 ? "-" : ""
    if weight < 0 {
      text += "0"
    } else {
      text += String(digit(at: 0))
      if weight > 0 {
        for index in 1...Int(weight) { text += padded(digit(at: index)) }
      }
    }
    if displayScale > 0 {
      var fraction = ""
      var index = Int(weight) + 1
      while fraction.count < Int(displayScale) {
        fraction += padded(digit(at: index))
        index += 1
      }
      text += "." + fraction.prefix(Int(displayScale))
    }
    return text
  }
}
