import Foundation

extension PracticeQuestionnaire {
  /// The questionnaire as canonical JSON (the same bytes as ``CanonicalJSON/encode(_:)``).
  ///
  /// Written by ``CanonicalWriter`` (several times faster than `Codable`); debug builds, and so
  /// every test run, check each result against the `Codable` encoding.
  public func canonicalEncoding() -> Data {
    var writer = CanonicalWriter(capacity: 4096)
    writer.write(self)
    assert(
      Data(writer.bytes) == (try? CanonicalJSON.foundationEncode(self)),
      "CanonicalWriter and PracticeQuestionnaire's Codable encoding differ")
    return Data(writer.bytes)
  }
}
