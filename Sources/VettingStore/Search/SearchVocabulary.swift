import VettingCore

/// How VettingCore's vocabularies are spelled in the database (migration 0002): columns hold slugs
/// (`^[a-z][a-z0-9_]*$`), so VettingCore's hyphenated raw values are stored with underscores, and
/// the in-office lozenge is `oral_sublingual`.
enum SearchVocabulary {
  static func databaseValue(of route: Route) -> String {
    switch route {
    case .intravenous: "iv"
    case .intramuscular: "im"
    case .lozengeInOffice: "oral_sublingual"
    case .esketamineREMS: "intranasal_esketamine"
    case .atHome: "at_home"
    }
  }

  static func route(databaseValue value: String) -> Route? {
    Route.allCases.first { databaseValue(of: $0) == value }
  }

  static func databaseValue(of tier: Tier) -> String {
    tier.rawValue.replacingOccurrences(of: "-", with: "_")
  }

  static func tier(databaseValue: String) -> Tier? {
    Tier(rawValue: databaseValue.replacingOccurrences(of: "_", with: "-"))
  }

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
