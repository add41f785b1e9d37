import VettingCore

extension SearchQuery {
  /// Parses a tier name as VettingCore spells it (`not-vetted`) or as the database does
  /// (`not_vetted`), for callers that receive tiers as text.
  /// - Throws: ``StoreError/Code/invalidArgument`` naming `field` for an unknown tier.
  public static func tier(named name: String, field: String = "tiers") throws(StoreError) -> Tier {
    let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
    guard let tier = Tier(rawValue: trimmed) ?? SearchVocabulary.tier(databaseValue: trimmed) else {
      let known = Tier.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidArgument(field: field, message: "\"\(name)\" is not a tier (one of \(known))")
    }
    return tier
  }

  /// Parses a route name as VettingCore spells it (`sublingual-lozenge`) or as the database does
  /// (`oral_sublingual`).
  /// - Throws: ``StoreError/Code/invalidArgument`` naming `field` for an unknown route.
  public static func route(named name: String, field: String = "routes") throws(StoreError) -> Route
  {
    let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
    guard let route = Route(rawValue: trimmed) ?? SearchVocabulary.route(databaseValue: trimmed)
    else {
      let known = Route.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidArgument(field: field, message: "\"\(name)\" is not a route (one of \(known))")
    }
    return route
  }
}
