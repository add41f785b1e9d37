/// An ``PostgresEncodable`` type that can also be an element of an array parameter.
public protocol PostgresArrayElementEncodable: PostgresEncodable {
  /// The element's type (for example `text`).
  static var postgresElementType: PostgresType { get }
  /// The array type (for example `text[]`).
  static var postgresArrayType: PostgresType { get }
}
