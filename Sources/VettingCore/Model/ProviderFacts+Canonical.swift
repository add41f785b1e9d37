import Foundation

extension ProviderFacts {
  /// The facts with every list in a fixed order, so that two records of the same facts compare
  /// and hash equal whatever order they were loaded in. Assessing normalized facts gives the
  /// same score, tier and flag ids as assessing the original (a reason may name a different
  /// practitioner when two are tied).
  public func normalized() -> ProviderFacts {
    var copy = self
    copy.statesServed = Array(Set(statesServed)).sorted()
    copy.routes = Array(Set(routes)).sorted()
    copy.practitioners = practitioners.map { $0.normalized() }.sorted { $0.id < $1.id }
    copy.affiliations = Self.canonicallySorted(affiliations)
    // Unknown (nil) lists stay unknown: only a recorded list has an order to fix.
    copy.practice.ethics.claims = practice.ethics.claims.map(Self.canonicallySorted)
    copy.practice.ethics.adChannels = practice.ethics.adChannels.map { Array(Set($0)).sorted() }
    copy.practice.home.formulations = practice.home.formulations.map(Self.canonicallySorted)
    return copy
  }

  /// The canonical encoding of the normalized facts: hash these bytes (e.g. SHA-256) to get an
  /// assessment's input hash.
  ///
  /// Written by ``CanonicalWriter`` (several times faster than `Codable`); debug builds, and so
  /// every test run, check each result against the `Codable` encoding.
  public func canonicalEncoding() throws -> Data {
    let facts = normalized()
    var writer = CanonicalWriter(capacity: 8192)
    writer.write(facts)
    assert(
      Data(writer.bytes) == (try? CanonicalJSON.foundationEncode(facts)),
      "CanonicalWriter and ProviderFacts' Codable encoding differ for \(id)")
    return Data(writer.bytes)
  }

  /// `values` ordered by their canonical bytes: total and stable. Each value is encoded once
  /// (encoding inside the comparison encoded each one about 2 log n times, which made hashing
  /// the facts a large part of scoring a provider).
  static func canonicallySorted<T: Encodable>(_ values: [T]) -> [T] {
    guard values.count > 1 else { return values }
    return values.map { (bytes: (try? CanonicalJSON.encode($0)) ?? Data(), value: $0) }
      .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
      .map(\.value)
  }
}

extension Practitioner {
  /// The practitioner with every list in a fixed order.
  func normalized() -> Practitioner {
    var copy = self
    copy.roles = Array(Set(roles)).sorted()
    copy.licenses = ProviderFacts.canonicallySorted(licenses)
    copy.trainings = ProviderFacts.canonicallySorted(trainings)
    copy.certifications = ProviderFacts.canonicallySorted(certifications)
    return copy
  }
}
