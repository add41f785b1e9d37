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
    copy.affiliations = affiliations.sorted(by: Self.sortKey)
    copy.practice.ethics.claims = practice.ethics.claims.sorted(by: Self.sortKey)
    copy.practice.ethics.adChannels = Array(Set(practice.ethics.adChannels)).sorted()
    copy.practice.home.formulations = practice.home.formulations.sorted(by: Self.sortKey)
    return copy
  }

  /// The canonical encoding of the normalized facts: hash these bytes (e.g. SHA-256) to get an
  /// assessment's input hash.
  public func canonicalEncoding() throws -> Data { try CanonicalJSON.encode(normalized()) }

  /// Orders any encodable values by their canonical bytes: total and stable.
  static func sortKey<T: Encodable>(_ lhs: T, _ rhs: T) -> Bool {
    let left = (try? CanonicalJSON.encode(lhs)) ?? Data()
    let right = (try? CanonicalJSON.encode(rhs)) ?? Data()
    return left.lexicographicallyPrecedes(right)
  }
}

extension Practitioner {
  /// The practitioner with every list in a fixed order.
  func normalized() -> Practitioner {
    var copy = self
    copy.roles = Array(Set(roles)).sorted()
    copy.licenses = licenses.sorted(by: ProviderFacts.sortKey)
    copy.trainings = trainings.sorted(by: ProviderFacts.sortKey)
    copy.certifications = certifications.sorted(by: ProviderFacts.sortKey)
    return copy
  }
}
