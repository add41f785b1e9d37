import Foundation

// The standard library and Foundation types that columns decode into.

extension String: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> String {
    let bytes = try cell.requireBytes(String.self)
    switch cell.type {
    case .jsonb:
      guard bytes.first == 1 else { throw cell.malformed(String.self, "unknown jsonb version") }
      return String(decoding: bytes.dropFirst(), as: UTF8.self)
    case .numeric:
      guard let text = NumericText.string(from: bytes) else {
        throw cell.malformed(String.self, "invalid binary numeric")
      }
      return text
    default:
      guard cell.type.isTextLike else { throw cell.typeMismatch(String.self) }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw cell.malformed(String.self, "the bytes are not valid UTF-8")
      }
      return text
    }
  }
}

extension Int64: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Int64 {
    try cell.anyInteger(as: Int64.self)
  }
}

extension Int: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Int {
    try cell.narrowInteger(Int.self)
  }
}

extension Int32: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Int32 {
    try cell.narrowInteger(Int32.self)
  }
}

extension Int16: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Int16 {
    try cell.narrowInteger(Int16.self)
  }
}

extension Bool: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Bool {
    guard cell.type == .bool else { throw cell.typeMismatch(Bool.self) }
    return try cell.integer(UInt8.self, as: Bool.self) != 0
  }
}

extension Double: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Double {
    switch cell.type {
    case .float8: Double(bitPattern: try cell.integer(UInt64.self, as: Double.self))
    case .float4: Double(Float(bitPattern: try cell.integer(UInt32.self, as: Double.self)))
    default: throw cell.typeMismatch(Double.self)
    }
  }
}

extension Decimal: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Decimal {
    guard cell.type == .numeric else { throw cell.typeMismatch(Decimal.self) }
    let bytes = try cell.requireBytes(Decimal.self)
    guard let text = NumericText.string(from: bytes) else {
      throw cell.malformed(Decimal.self, "invalid binary numeric")
    }
    if text == "NaN" { return .nan }
    guard !text.hasSuffix("Infinity") else {
      throw cell.malformed(Decimal.self, "\(text) has no Decimal representation")
    }
    let significant = text.drop { $0 == "-" || $0 == "0" || $0 == "." }
      .filter { $0 != "." }
      .reversed().drop { $0 == "0" }
    guard significant.count <= 38 else {
      throw cell.malformed(
        Decimal.self,
        "\(text) has more than 38 significant digits and would be rounded; decode as String")
    }
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
      throw cell.malformed(Decimal.self, "\(text) is not a decimal number")
    }
    return value
  }
}

extension UUID: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> UUID {
    guard cell.type == .uuid else { throw cell.typeMismatch(UUID.self) }
    let b = Array(try cell.requireBytes(UUID.self))
    guard b.count == 16 else { throw cell.malformed(UUID.self, "expected 16 bytes") }
    return UUID(
      uuid: (
        b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
        b[14], b[15]
      ))
  }
}

extension Date: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Date {
    switch cell.type {
    case .timestamptz, .timestamp:
      let micros = try cell.integer(Int64.self, as: Date.self)
      guard micros != .max, micros != .min else {
        throw cell.malformed(Date.self, "infinity has no Date representation")
      }
      return Date(
        timeIntervalSince1970: PostgresEpoch.unixOffsetSeconds + Double(micros) / 1_000_000)
    case .date:
      return try PostgresDate.decode(from: cell).utcMidnight
    default:
      throw cell.typeMismatch(Date.self)
    }
  }
}

extension PostgresDate: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> PostgresDate {
    guard cell.type == .date else { throw cell.typeMismatch(PostgresDate.self) }
    let days = try cell.integer(Int32.self, as: PostgresDate.self)
    guard days != .max, days != .min else {
      throw cell.malformed(PostgresDate.self, "infinity has no PostgresDate representation")
    }
    return PostgresDate(daysSince2000: days)
  }
}

extension Data: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Data {
    guard cell.type == .bytea else { throw cell.typeMismatch(Data.self) }
    return Data(try cell.requireBytes(Data.self))
  }
}

extension PostgresJSONB: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> PostgresJSONB {
    guard cell.type == .jsonb || cell.type == .json else {
      throw cell.typeMismatch(PostgresJSONB.self)
    }
    return PostgresJSONB(try String.decode(from: cell))
  }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
  public static func decode(from cell: PostgresCell) throws -> Wrapped? {
    guard cell.bytes != nil else { return nil }
    return try Wrapped.decode(from: cell)
  }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
  /// Decodes a one-dimensional array (any lower bound); multi-dimensional arrays are refused.
  public static func decode(from cell: PostgresCell) throws -> [Element] {
    if cell.type.isArray == false {
      throw cell.typeMismatch([Element].self, reason: "it is not an array type")
    }
    var reader = BinaryReader(try cell.requireBytes([Element].self))
    guard let dimensions = reader.read(Int32.self), reader.read(Int32.self) != nil,
      let elementOID = reader.read(UInt32.self)
    else { throw cell.typeMismatch([Element].self, reason: "the value is not an array") }
    if dimensions == 0 { return [] }
    guard dimensions == 1 else {
      throw cell.typeMismatch(
        [Element].self, reason: "it has \(dimensions) dimensions; only 1 is supported")
    }
    guard let count = reader.read(Int32.self), reader.read(Int32.self) != nil, count >= 0 else {
      throw cell.malformed([Element].self, "truncated array header")
    }
    var elements: [Element] = []
    elements.reserveCapacity(Int(count))
    for index in 0..<Int(count) {
      guard let length = reader.read(Int32.self) else {
        throw cell.malformed([Element].self, "truncated array")
      }
      var bytes: ArraySlice<UInt8>?
      if length >= 0 {
        guard let elementBytes = reader.readBytes(Int(length)) else {
          throw cell.malformed([Element].self, "truncated array element")
        }
        bytes = elementBytes
      }
      let elementCell = PostgresCell(
        bytes: bytes, type: PostgresType(rawValue: elementOID), format: .binary,
        columnName: "\(cell.columnName)[\(index + 1)]", columnIndex: cell.columnIndex)
      elements.append(try Element.decode(from: elementCell))
    }
    return elements
  }
}
