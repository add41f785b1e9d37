/// What an affiliated partner does for the provider's patients.
public enum AffiliationRole: String, Sendable, Hashable, Codable, CaseIterable {
  /// A partner that assesses patients medically and prescribes (e.g. Journey Clinical for a
  /// therapist's practice). It holds the medical role.
  case prescriber
  /// A partner psychotherapist doing preparation and integration. It holds the mental-health role.
  case therapist
  /// A physician who oversees the clinic's medical protocols.
  case medicalDirector = "medical-director"
}
