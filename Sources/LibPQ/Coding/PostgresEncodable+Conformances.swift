import Foundation

// The standard library and Foundation types that can be parameters.

extension String: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .text }
  public static var postgresArrayType: PostgresType { .textArray }
  public func postgresValue() throws -> PostgresValue { .binary(.text, Array(utf8)) }
}

extension Substring: PostgresEncodable {
  public func postgresValue() throws -> PostgresValue { .binary(.text, Array(utf8)) }
}

extension Int64: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .int8 }
  public static var postgresArrayType: PostgresType { .int8Array }
  public func postgresValue() throws -> PostgresValue { .binary(.int8, bigEndianBytes(self)) }
}

extension Int: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .int8 }
  public static var postgresArrayType: PostgresType { .int8Array }
  public func postgresValue() throws -> PostgresValue {
    .binary(.int8, bigEndianBytes(Int64(self)))
  }
}

extension Int32: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .int4 }
  public static var postgresArrayType: PostgresType { .int4Array }
  public func postgresValue() throws -> PostgresValue { .binary(.int4, bigEndianBytes(self)) }
}

extension Int16: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .int2 }
  public static var postgresArrayType: PostgresType { .int2Array }
  public func postgresValue() throws -> PostgresValue { .binary(.int2, bigEndianBytes(self)) }
}

extension Bool: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .bool }
  public static var postgresArrayType: PostgresType { .boolArray }
  public func postgresValue() throws -> PostgresValue { .binary(.bool, [self ? 1 : 0]) }
}

extension Double: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .float8 }
  public static var postgresArrayType: PostgresType { .float8Array }
  public func postgresValue() throws -> PostgresValue {
    .binary(.float8, bigEndianBytes(bitPattern))
  }
}

extension Decimal: PostgresEncodable {
  public func postgresValue() throws -> PostgresValue {
    // Text format: the server parses the decimal string exactly; `description` is
    // locale-independent ("-12.5", "NaN").
    PostgresValue(type: .numeric, format: .text, bytes: Array(description.utf8))
  }
}

extension UUID: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .uuid }
  public static var postgresArrayType: PostgresType { .uuidArray }
  public func postgresValue() throws -> PostgresValue {
    let u = uuid
    return .binary(
      .uuid,
      [
        u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15,
      ])
  }
}

extension Date: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .timestamptz }
  public static var postgresArrayType: PostgresType { .timestamptzArray }
  /// Encodes as `timestamptz`, rounded to the microsecond (PostgreSQL's precision).
  public func postgresValue() throws -> PostgresValue {
    let seconds = timeIntervalSince1970 - PostgresEpoch.unixOffsetSeconds
    let micros = (seconds * 1_000_000).rounded()
    guard micros.isFinite, micros > -9.2e18, micros < 9.2e18 else {
      throw PostgresError(
        code: .encoding, message: "the Date \(self) is outside the range of timestamptz")
    }
    return .binary(.timestamptz, bigEndianBytes(Int64(micros)))
  }
}

extension Data: PostgresEncodable {
  public func postgresValue() throws -> PostgresValue { .binary(.bytea, [UInt8](self)) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
  public func postgresValue() throws -> PostgresValue {
    switch self {
    case .none: .null
    case .some(let wrapped): try wrapped.postgresValue()
    }
  }
}

extension Optional: PostgresArrayElementEncodable where Wrapped: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { Wrapped.postgresElementType }
  public static var postgresArrayType: PostgresType { Wrapped.postgresArrayType }
}

extension Array: PostgresEncodable where Element: PostgresArrayElementEncodable {
  /// Encodes a one-dimensional array (lower bound 1) of the element type; `nil` elements are
  /// `NULL` elements.
  public func postgresValue() throws -> PostgresValue {
    var bytes: [UInt8] = []
    let elements = try map { try $0.postgresValue() }
    let hasNull = elements.contains { $0.bytes == nil }
    // One allocation for the whole value: bulk loads send arrays of tens of megabytes, which
    // grown by doubling were copied several times over.
    bytes.reserveCapacity(elements.reduce(20) { $0 + 4 + ($1.bytes?.count ?? 0) })
    bytes += bigEndianBytes(Int32(isEmpty ? 0 : 1))
    bytes += bigEndianBytes(Int32(hasNull ? 1 : 0))
    bytes += bigEndianBytes(Element.postgresElementType.rawValue)
    if !isEmpty {
      bytes += bigEndianBytes(Int32(count))
      bytes += bigEndianBytes(Int32(1))
    }
    for element in elements {
      if let elementBytes = element.bytes {
        guard element.format == .binary else {
          // Every built-in element type encodes in binary; a custom element type might not.
          throw PostgresError(
            code: .encoding,
            message:
              "arrays of \(Element.postgresElementType) cannot be sent as parameters; "
              + "send text[] and cast in SQL")
        }
        bytes += bigEndianBytes(Int32(elementBytes.count))
        bytes += elementBytes
      } else {
        bytes += bigEndianBytes(Int32(-1))
      }
    }
    return .binary(Element.postgresArrayType, bytes)
  }
}
