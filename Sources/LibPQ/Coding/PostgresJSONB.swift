import Foundation

/// A `jsonb` value, kept as its JSON text.
///
/// Binding a plain `String` sends `text`, which PostgreSQL does not convert to `jsonb` implicitly;
/// wrap it in this type (or encode an `Encodable` with ``init(encoding:encoder:)``).
public struct PostgresJSONB: Sendable, Hashable, CustomStringConvertible {
  /// The JSON text.
  public var text: String

  /// Wraps JSON text (not validated here; the server rejects invalid JSON with SQLSTATE 22P02).
  public init(_ text: String) {
    self.text = text
  }

  /// Encodes a value with `JSONEncoder`.
  public init<T: Encodable>(encoding value: T, encoder: JSONEncoder = JSONEncoder()) throws {
    let data = try encoder.encode(value)
    self.text = String(decoding: data, as: UTF8.self)
  }

  /// Decodes the JSON text with `JSONDecoder`.
  public func decode<T: Decodable>(
    _ type: T.Type, decoder: JSONDecoder = JSONDecoder()
  ) throws -> T {
    try decoder.decode(type, from: Data(text.utf8))
  }

  public var description: String { text }
}

extension PostgresJSONB: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .jsonb }
  public static var postgresArrayType: PostgresType { .jsonbArray }
  /// The binary `jsonb` format is a version byte (1) followed by the JSON text.
  public func postgresValue() throws -> PostgresValue {
    .binary(.jsonb, [1] + Array(text.utf8))
  }
}
