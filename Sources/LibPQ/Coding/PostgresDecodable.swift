import Foundation

/// A Swift type that a column value can be decoded into.
///
/// Accepted PostgreSQL types per Swift type (anything else is a ``PostgresError`` with code
/// ``PostgresError/Code/decoding`` naming the column and both types):
///
/// | Swift | PostgreSQL |
/// |---|---|
/// | `String` | text, varchar, bpchar, name, "char", json, jsonb, xml, numeric (exact text) |
/// | `Int`, `Int64` | int2, int4, int8 |
/// | `Int32`, `Int16` | int2, int4, int8 (an out-of-range value is an error, never truncated) |
/// | `Bool` | bool |
/// | `Double` | float8, float4 |
/// | `Decimal` | numeric (more than 38 significant digits is an error: decode as `String`) |
/// | `UUID` | uuid |
/// | `Date` | timestamptz, timestamp (read as UTC), date (midnight UTC) |
/// | ``PostgresDate`` | date |
/// | `Data` | bytea |
/// | ``PostgresJSONB`` | jsonb, json |
/// | `[Element]` | a one-dimensional array whose elements decode as `Element` |
/// | `Optional<Wrapped>` | `NULL` or whatever `Wrapped` accepts |
///
/// A `NULL` decoded as a non-optional type is an error telling to decode as `Optional`.
/// Enum and other user-defined types: select them as `column::text`.
public protocol PostgresDecodable: Sendable {
  /// Decodes a cell; throws a ``PostgresError`` that names the column on failure.
  static func decode(from cell: PostgresCell) throws -> Self
}
