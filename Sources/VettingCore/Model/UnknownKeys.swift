/// Refuses JSON object keys a type does not know, so a misspelt key is an error naming its path.
enum UnknownKeys {
  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// The keys a type accepts, worked out once per type (a `static let` at the call site):
  /// decoding runs for every stored questionnaire a re-vet or demo load reads, and building
  /// these per call (reflection included) was most of that decoding's cost.
  struct Known: Sendable {
    /// In declaration order, for the error message.
    let names: [String]
    let set: Set<String>

    init(_ names: [String]) {
      self.names = names
      self.set = Set(names)
    }
  }

  /// Throws `DecodingError.dataCorrupted` at the alphabetically first key of the object at
  /// `decoder` that is not in `known`. A value that is not an object is left for the type's own
  /// decoder to refuse.
  static func refuse(in decoder: any Decoder, allowed known: Known) throws {
    guard let object = try? decoder.container(keyedBy: AnyKey.self) else { return }
    var first: AnyKey?
    for key in object.allKeys where !known.set.contains(key.stringValue) {
      if first.map({ key.stringValue < $0.stringValue }) ?? true { first = key }
    }
    guard let first else { return }
    throw DecodingError.dataCorrupted(
      .init(
        codingPath: object.codingPath + [first],
        debugDescription: "unknown key; expected one of " + known.names.joined(separator: ", ")))
  }
}
