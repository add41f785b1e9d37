/// Refuses JSON object keys a type does not know, so a misspelt key is an error naming its path.
enum UnknownKeys {
  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Throws `DecodingError.dataCorrupted` at the first key of the object at `decoder` that is not
  /// in `allowed`. A value that is not an object is left for the type's own decoder to refuse.
  static func refuse(in decoder: any Decoder, allowed: [String]) throws {
    guard let object = try? decoder.container(keyedBy: AnyKey.self) else { return }
    let known = Set(allowed)
    for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
    where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: object.codingPath + [key],
          debugDescription: "unknown key; expected one of " + allowed.joined(separator: ", ")))
    }
  }
}
