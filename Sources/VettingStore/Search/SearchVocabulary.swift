import VettingCore

/// What search needs of the database's vocabularies: VettingCore values are spelled through
/// ``SchemaVocabulary`` (the one place the schema's slugs meet VettingCore's raw values), plus the
/// input checks that keep a bad value from ever reaching SQL.
enum SearchVocabulary {
  static func databaseValue(of route: Route) -> String { SchemaVocabulary.column(route) }

  static func route(databaseValue value: String) -> Route? {
    Route.allCases.first { SchemaVocabulary.column($0) == value }
  }

  static func databaseValue(of tier: Tier) -> String { SchemaVocabulary.column(tier) }

  static func tier(databaseValue value: String) -> Tier? { SchemaVocabulary.tier(value) }

  /// USPS codes, as `us_state_codes()` in migration 0001.
  static let stateCodes: Set<String> = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
  ]

  /// `is_slug()` of migration 0001.
  static func isSlug(_ value: String) -> Bool {
    guard let first = value.unicodeScalars.first, value.unicodeScalars.count <= 63,
      ("a"..."z").contains(first)
    else { return false }
    return value.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }

  /// `12345` or `12345-6789`.
  static func isPostalCode(_ value: String) -> Bool {
    let scalars = Array(value.unicodeScalars)
    func digits(_ range: Range<Int>) -> Bool {
      scalars[range].allSatisfy { ("0"..."9").contains($0) }
    }
    switch scalars.count {
    case 5: return digits(0..<5)
    case 10: return digits(0..<5) && scalars[5] == "-" && digits(6..<10)
    default: return false
    }
  }
}
