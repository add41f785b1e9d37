/// Whether a listing is an organisation or one person.
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A clinic or practice with a team (NPI-2 organisation).
  case clinic
  /// A single practitioner in private practice (NPI-1 individual).
  case practitioner
}
