extension SearchQuery {
  /// The order of search hits. Every order ends with the provider id, so it is total and pages
  /// never overlap or skip.
  public enum Sort: String, Sendable, Hashable, CaseIterable, Codable {
    /// Highest latest score first (providers without an assessment last), then name, then id.
    case score
    /// Nearest first, then id. Needs ``SearchQuery/near``.
    case distance
    /// By name (case-insensitive, the database's collation), then id.
    case name
  }
}
