import Foundation

/// A Swift value that can be sent as a statement parameter.
///
/// Mapping (all binary format unless said otherwise):
/// `String` → `text`; `Int`, `Int64` → `int8`; `Int32` → `int4`; `Int16` → `int2`; `Bool` → `bool`;
/// `Double` → `float8`; `Decimal` → `numeric` (text format, exact); `UUID` → `uuid`;
/// `Date` → `timestamptz` (microsecond precision); ``PostgresDate`` → `date`; `Data` → `bytea`;
/// ``PostgresJSONB`` → `jsonb`; `[Element]` → one-dimensional array of the element type;
/// `Optional.none` → `NULL`.
///
/// A parameter's type is explicit, so the server may need a cast where it would not convert
/// implicitly: a `String` bound to an enum column is written `$1::my_enum`.
public protocol PostgresEncodable: Sendable {
  /// The value's wire form.
  func postgresValue() throws -> PostgresValue
}
