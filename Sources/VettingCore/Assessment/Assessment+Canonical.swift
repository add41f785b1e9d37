import Foundation

extension Assessment {
  /// The canonical encoding: the same facts, rubric version and day always give the same bytes.
  ///
  /// Written by ``CanonicalWriter`` (several times faster than `Codable`); debug builds, and so
  /// every test run, check each result against the `Codable` encoding.
  public func canonicalEncoding() throws -> Data {
    var writer = CanonicalWriter(capacity: 24_576)
    writer.write(self)
    assert(
      Data(writer.bytes) == (try? CanonicalJSON.foundationEncode(self)),
      "CanonicalWriter and Assessment's Codable encoding differ for \(providerID)")
    return Data(writer.bytes)
  }
}
