import Foundation

/// The one JSON form used wherever bytes must be stable: assessments stored and compared, and
/// provider facts hashed as an assessment's input. Keys sorted, no slash escaping, dates as
/// `YYYY-MM-DD` strings (``Day``), numbers as integers only.
///
/// The bytes are exactly those of Foundation's `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]`, which defined the form and still writes anything the fast writer
/// does not handle. The fast writer (``CanonicalEncoder``) produces the same bytes several times
/// faster; `CanonicalJSONTests` holds the two to byte equality.
public enum CanonicalJSON {
  /// Encodes `value` canonically.
  public static func encode(_ value: some Encodable) throws -> Data {
    if let bytes = try CanonicalEncoder.encode(value) { return Data(bytes) }
    return try foundationEncode(value)
  }

  /// The reference encoding: Foundation's `JSONEncoder` with sorted keys and unescaped slashes.
  static func foundationEncode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  /// Decodes a value encoded by ``encode(_:)``.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    try JSONDecoder().decode(type, from: data)
  }
}
