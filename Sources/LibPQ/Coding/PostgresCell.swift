/// One value of one row as received from the server, before it is decoded.
public struct PostgresCell: Sendable {
  /// The value's bytes; `nil` is SQL `NULL`.
  public var bytes: ArraySlice<UInt8>?
  /// The value's PostgreSQL type.
  public var type: PostgresType
  /// The wire format of ``bytes`` (always binary for rows read by this library).
  public var format: PostgresFormat
  /// The column's name (for array elements: the column name with the element index).
  public var columnName: String
  /// The column's 0-based position in the row.
  public var columnIndex: Int

  /// Creates a cell.
  public init(
    bytes: ArraySlice<UInt8>?, type: PostgresType, format: PostgresFormat, columnName: String,
    columnIndex: Int
  ) {
    self.bytes = bytes
    self.type = type
    self.format = format
    self.columnName = columnName
    self.columnIndex = columnIndex
  }

  /// The error for a value of the wrong PostgreSQL type: it names the column and both types.
  public func typeMismatch<T>(_ swiftType: T.Type, reason: String? = nil) -> PostgresError {
    var message =
      "column \"\(columnName)\" (index \(columnIndex)) has PostgreSQL type \(type), "
      + "which cannot be decoded as Swift type \(T.self)"
    if let reason { message += ": \(reason)" }
    return PostgresError(code: .decoding, message: message, columnName: columnName)
  }

  /// The error for a value that has the right type but bytes that do not make sense.
  public func malformed<T>(_ swiftType: T.Type, _ reason: String) -> PostgresError {
    PostgresError(
      code: .decoding,
      message:
        "column \"\(columnName)\" (index \(columnIndex)) of PostgreSQL type \(type) could not "
        + "be decoded as Swift type \(T.self): \(reason)",
      columnName: columnName)
  }

  /// The bytes of a non-NULL value, or an error saying to decode as `Optional`.
  public func requireBytes<T>(_ swiftType: T.Type) throws -> ArraySlice<UInt8> {
    guard let bytes else {
      throw PostgresError(
        code: .decoding,
        message:
          "column \"\(columnName)\" (index \(columnIndex)) of PostgreSQL type \(type) is NULL; "
          + "decode it as Optional<\(T.self)> to accept NULL",
        columnName: columnName)
    }
    guard format == .binary else {
      throw PostgresError(
        code: .decoding,
        message:
          "column \"\(columnName)\" (index \(columnIndex)) arrived in text format; this library "
          + "decodes binary results only",
        columnName: columnName)
    }
    return bytes
  }

  /// Reads a big-endian integer that must fill the value exactly.
  func integer<I: FixedWidthInteger, T>(_: I.Type, as swiftType: T.Type) throws -> I {
    let bytes = try requireBytes(swiftType)
    guard bytes.count == MemoryLayout<I>.size else {
      throw malformed(swiftType, "expected \(MemoryLayout<I>.size) bytes, got \(bytes.count)")
    }
    var value: I = 0
    for byte in bytes { value = (value << 8) | I(truncatingIfNeeded: byte) }
    return value
  }
}
