/// One parameter value as sent to the server: its type, its wire format and its bytes
/// (`nil` bytes is SQL `NULL`).
///
/// You rarely build one by hand: pass Swift values that conform to ``PostgresEncodable``
/// (`String`, `Int`, `Bool`, `Double`, `Decimal`, `UUID`, `Date`, ``PostgresDate``, `Data`,
/// ``PostgresJSONB``, arrays of those, and `Optional` of any of them).
public struct PostgresValue: Sendable, Hashable, PostgresEncodable {
  /// The parameter's type; ``PostgresType/unspecified`` lets the server infer it.
  public var type: PostgresType
  /// The wire format of ``bytes``.
  public var format: PostgresFormat
  /// The encoded value; `nil` is SQL `NULL`.
  public var bytes: [UInt8]?

  /// Creates a value from its wire form.
  public init(type: PostgresType, format: PostgresFormat, bytes: [UInt8]?) {
    self.type = type
    self.format = format
    self.bytes = bytes
  }

  /// SQL `NULL` of a type the server infers.
  public static let null = PostgresValue(type: .unspecified, format: .binary, bytes: nil)

  /// Text whose type the server infers from the statement (for example an enum column), sent in
  /// text format. Plain `String` parameters are typed `text` instead.
  public static func untypedText(_ text: String) -> PostgresValue {
    PostgresValue(type: .unspecified, format: .text, bytes: Array(text.utf8))
  }

  public func postgresValue() throws -> PostgresValue { self }
}

extension PostgresValue {
  static func binary(_ type: PostgresType, _ bytes: [UInt8]) -> PostgresValue {
    PostgresValue(type: type, format: .binary, bytes: bytes)
  }
}
