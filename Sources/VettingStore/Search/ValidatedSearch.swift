import Foundation
import VettingCore

/// A ``SearchQuery`` checked and normalised: what the SQL is built from. Every field here is valid
/// for the database, so a query that reaches PostgreSQL cannot fail on its input.
struct ValidatedSearch: Sendable, Hashable, Codable {
  struct Point: Sendable, Hashable, Codable {
    var latitude: Double
    var longitude: Double
  }

  enum Origin: Sendable, Hashable, Codable {
    case point(Point)
    case postalCode(String)
  }

  var text: String?
  var state: String?
  var city: String?
  var zip5: String?
  var origin: Origin?
  var radiusMetres: Double?
  var unit: DistanceUnit
  var routes: [String]
  var conditions: [String]
  var insurance: [String]
  var slidingScale: Bool
  var telehealthState: String?
  var acceptingNewPatients: Bool
  var minimumScore: Int?
  var tiers: [String]
  var noCriticalFlags: Bool
  var noMajorFlags: Bool
  var kind: ProviderKind?
  var sort: SearchQuery.Sort
  var pageSize: Int

  var hasLocationFilter: Bool { state != nil || city != nil || zip5 != nil || origin != nil }
  var hasProfileFilter: Bool {
    !routes.isEmpty || !conditions.isEmpty || !insurance.isEmpty || slidingScale
      || telehealthState != nil || acceptingNewPatients
  }
  var hasAssessmentFilter: Bool {
    minimumScore != nil || !tiers.isEmpty || noCriticalFlags || noMajorFlags
  }

  /// SHA-256 of everything but the page size, binding a page token to the query it came from.
  var fingerprint: Data {
    var copy = self
    copy.pageSize = 0
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // Encoding plain strings, numbers and enums cannot fail.
    let bytes = (try? encoder.encode(copy)) ?? Data()
    return PageTokenCodec.digest(bytes)
  }
}

extension ValidatedSearch {
  /// Checks `query`; the error names the field (`vetting.v1.SearchProvidersRequest` spelling).
  init(_ query: SearchQuery) throws(StoreError) {
    func invalid(_ field: String, _ message: String) -> StoreError {
      .invalidArgument(field: field, message: message)
    }
    func cleaned(_ value: String?, field: String, maximum: Int) throws(StoreError) -> String? {
      guard let value else { return nil }
      let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.isEmpty { return nil }
      if trimmed.unicodeScalars.contains("\u{0}") {
        throw invalid(field, "must not contain NUL characters")
      }
      if trimmed.count > maximum {
        throw invalid(field, "is \(trimmed.count) characters long; at most \(maximum) are allowed")
      }
      return trimmed
    }
    func stateCode(_ value: String?, field: String) throws(StoreError) -> String? {
      guard let value = try cleaned(value, field: field, maximum: 100) else { return nil }
      let upper = value.uppercased()
      guard SearchVocabulary.stateCodes.contains(upper) else {
        throw invalid(field, "\"\(value)\" is not a USPS state code (e.g. MI, CA, DC)")
      }
      return upper
    }
    func slugs(_ values: [String], field: String) throws(StoreError) -> [String] {
      var seen: [String] = []
      for value in values {
        let slug = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard SearchVocabulary.isSlug(slug) else {
          throw invalid(
            field,
            "\"\(value)\" is not a slug (a lower-case letter, then letters, digits or _; "
              + "at most 63 characters)")
        }
        if !seen.contains(slug) { seen.append(slug) }
      }
      return seen
    }

    text = try cleaned(query.text, field: "text", maximum: SearchQuery.maximumTextLength)
    if let text, SearchStatement.words(of: text).count > SearchQuery.maximumTextWords {
      throw invalid("text", "has more than \(SearchQuery.maximumTextWords) words; give fewer")
    }
    state = try stateCode(query.state, field: "state")
    city = try cleaned(query.city, field: "city", maximum: 100)
    if let postal = try cleaned(query.postalCode, field: "postal_code", maximum: 10) {
      guard SearchVocabulary.isPostalCode(postal) else {
        throw invalid("postal_code", "\"\(postal)\" is not a US postal code (12345 or 12345-6789)")
      }
      zip5 = String(postal.prefix(5))
    } else {
      zip5 = nil
    }

    unit = query.near?.unit ?? .kilometers
    if let near = query.near {
      switch near.origin {
      case .point(let latitude, let longitude):
        guard latitude.isFinite, (-90...90).contains(latitude) else {
          throw invalid("near.point.latitude", "\(latitude) is not a latitude in -90...90")
        }
        guard longitude.isFinite, (-180...180).contains(longitude) else {
          throw invalid("near.point.longitude", "\(longitude) is not a longitude in -180...180")
        }
        origin = .point(Point(latitude: latitude, longitude: longitude))
      case .postalCode(let code):
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard SearchVocabulary.isPostalCode(trimmed) else {
          throw invalid(
            "near.postal_code", "\"\(code)\" is not a US postal code (12345 or 12345-6789)")
        }
        origin = .postalCode(String(trimmed.prefix(5)))
      }
      let metres = near.radius * near.unit.metres
      // A hair of tolerance so that "310.686 miles" (500 km rounded) is accepted.
      guard near.radius.isFinite, near.radius > 0,
        metres <= SearchQuery.maximumRadiusKilometers * 1000 * (1 + 1e-6)
      else {
        let limit = SearchQuery.maximumRadiusKilometers * 1000 / near.unit.metres
        throw invalid(
          "near.radius",
          "\(near.radius) \(near.unit.rawValue) is out of range: it must be greater than 0 and "
            + "at most \(String(format: "%.1f", limit)) \(near.unit.rawValue) (500 km)")
      }
      radiusMetres = metres
    } else {
      origin = nil
      radiusMetres = nil
    }

    var routeValues: [String] = []
    for route in query.routes where !routeValues.contains(SearchVocabulary.databaseValue(of: route))
    {
      routeValues.append(SearchVocabulary.databaseValue(of: route))
    }
    routes = routeValues
    conditions = try slugs(query.conditions, field: "conditions")
    insurance = try slugs(query.insurance, field: "insurance")
    slidingScale = query.slidingScale
    telehealthState = try stateCode(query.telehealthState, field: "telehealth_state")
    acceptingNewPatients = query.acceptingNewPatients

    if let minimum = query.minimumScore {
      guard (0...100).contains(minimum) else {
        throw invalid("min_score", "\(minimum) is out of range 0...100")
      }
    }
    minimumScore = query.minimumScore
    var tierValues: [String] = []
    for tier in query.tiers where !tierValues.contains(SearchVocabulary.databaseValue(of: tier)) {
      tierValues.append(SearchVocabulary.databaseValue(of: tier))
    }
    tiers = tierValues
    noCriticalFlags = query.noCriticalFlags
    noMajorFlags = query.noMajorFlags
    kind = query.kind

    if query.sort == .distance && query.near == nil {
      throw invalid(
        "sort", "sorting by distance needs `near` (a point or postal code and a radius)")
    }
    sort = query.sort

    switch query.pageSize {
    case 0: pageSize = SearchQuery.defaultPageSize
    case 1...SearchQuery.maximumPageSize: pageSize = query.pageSize
    default:
      throw invalid(
        "page_size",
        "\(query.pageSize) is out of range: give 1...\(SearchQuery.maximumPageSize), "
          + "or 0 for the default (\(SearchQuery.defaultPageSize))")
    }
  }
}
