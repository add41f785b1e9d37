/// A fact with its provenance and an optional expiry: the unit of evidence the rubric reads.
///
/// A fact expiring on day D is valid through D and expired from the day after.
public struct Attested<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
  /// What is claimed.
  public var value: Value
  /// Where the claim comes from.
  public var provenance: Provenance
  /// The last day the evidence is good for, if it lapses.
  public var expires: Day?

  /// Creates an attested fact.
  public init(_ value: Value, _ provenance: Provenance, expires: Day? = nil) {
    self.value = value
    self.provenance = provenance
    self.expires = expires
  }

  /// Whether the evidence has lapsed on `day`.
  @inlinable
  public func isExpired(asOf day: Day) -> Bool {
    guard let expires else { return false }
    return expires < day
  }

  /// A fact the provider reported.
  public static func selfReported(_ value: Value, expires: Day? = nil) -> Self {
    Self(value, .selfReported, expires: expires)
  }

  /// A fact backed by a document on file.
  public static func document(_ value: Value, expires: Day? = nil) -> Self {
    Self(value, .documentOnFile, expires: expires)
  }

  /// A fact staff verified.
  public static func verified(_ value: Value, expires: Day? = nil) -> Self {
    Self(value, .verifiedByStaff, expires: expires)
  }

  /// A fact read from a public registry.
  public static func registry(_ value: Value, expires: Day? = nil) -> Self {
    Self(value, .publicRegistry, expires: expires)
  }
}
