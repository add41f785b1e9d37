extension PostgresCell {
  /// Any integer column, widened to Int64.
  func anyInteger<T>(as swiftType: T.Type) throws -> Int64 {
    switch type {
    case .int2: Int64(try integer(Int16.self, as: swiftType))
    case .int4: Int64(try integer(Int32.self, as: swiftType))
    case .int8: try integer(Int64.self, as: swiftType)
    default: throw typeMismatch(swiftType)
    }
  }

  func narrowInteger<I: FixedWidthInteger>(_ swiftType: I.Type) throws -> I {
    let wide = try anyInteger(as: swiftType)
    guard let narrow = I(exactly: wide) else {
      throw typeMismatch(swiftType, reason: "the value \(wide) does not fit")
    }
    return narrow
  }
}
