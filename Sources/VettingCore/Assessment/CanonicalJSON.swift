import Foundation

/// The one JSON form used wherever bytes must be stable: assessments stored and compared, and
/// provider facts hashed as an assessment's input. Keys sorted, no slash escaping, dates as
/// `YYYY-MM-DD` strings (``Day``), numbers as integers only.
public enum CanonicalJSON {
  /// Encodes `value` canonically.
  public static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  /// Decodes a value encoded by ``encode(_:)``.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    try JSONDecoder().decode(type, from: data)
  }
}
