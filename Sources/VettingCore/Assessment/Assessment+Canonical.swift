import Foundation

extension Assessment {
  /// The canonical encoding: the same facts, rubric version and day always give the same bytes.
  ///
  /// Written by ``CanonicalAssessmentWriter`` (several times faster than `Codable`); debug
  /// builds, and so every test run, check each result against the `Codable` encoding.
  public func canonicalEncoding() throws -> Data {
    let bytes = CanonicalAssessmentWriter.write(self)
    assert(
      Data(bytes) == (try? CanonicalJSON.foundationEncode(self)),
      "CanonicalAssessmentWriter and Assessment's Codable encoding differ for \(providerID)")
    return Data(bytes)
  }
}
