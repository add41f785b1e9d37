import Foundation
import LibPQ

/// The SQL of one search over the listings read model (migration 0010), assembled from fixed
/// fragments; every value is a `$n` parameter.
///
/// Shape (fragments in brackets appear only with their filter):
///
/// ```sql
/// SELECT ... FROM provider_listings pl
///   JOIN LATERAL (the location shown: the listing's own, or the nearest / primary
///                 listing_places row matching the location filters) loc ON true
///  WHERE [pl.kind = ...]
///    [pl.provider_id IN (SELECT provider_id FROM listing_names WHERE every word matches)]
///    [pl.provider_id IN (SELECT provider_id FROM listing_places WHERE location filters)]
///    [profile filters] [assessment filters] [keyset: after the cursor]
///  ORDER BY pl.disqualified, sort key, pl.provider_id LIMIT page size + 1
/// ```
///
/// Every filter has an index on the read model (trigram GIN on names, GiST / ZIP / city on places,
/// array GINs, the sort-key btrees), so no plan reads `clinics`, `practitioners` or `locations`.
struct SearchStatement {
  private(set) var parameters: [any PostgresEncodable] = []
  private(set) var sql = ""

  /// The point the distances are measured from, resolved (a postal code's centroid).
  struct Centre {
    var latitude: Double
    var longitude: Double
    var metres: Double
  }

  private mutating func bind(_ value: some PostgresEncodable) -> String {
    parameters.append(value)
    return "$\(parameters.count)"
  }

  init(_ search: ValidatedSearch, centre: Centre?, after cursor: PageCursor?, limit: Int) {
    var filters: [String] = []
    switch search.kind {
    case .clinic?: filters.append("pl.kind = 'clinic'")
    case .practitioner?: filters.append("pl.kind = 'practitioner'")
    case nil: break
    }
    if let text = search.text {
      // Every word must match one name (the provider's own or a team member's), each as a
      // substring (ILIKE, escaped) or by trigram word similarity (typos): listing_names_trgm.
      let words = Self.words(of: text).map { word in
        (pattern: bind("%" + Self.escapeLike(word) + "%"), word: bind(word))
      }
      let matches = words.map { "(n.name ILIKE \($0.pattern) OR n.name %> \($0.word))" }
        .joined(separator: " AND ")
      filters.append(
        "pl.provider_id IN (SELECT n.provider_id FROM listing_names n WHERE \(matches))")
    }

    // Location filters, on alias l (listing_places).
    var locationFilters: [String] = []
    if let state = search.state { locationFilters.append("l.state = \(bind(state))") }
    if let city = search.city { locationFilters.append("lower(l.city) = lower(\(bind(city)))") }
    if let zip5 = search.zip5 { locationFilters.append("l.zip5 = \(bind(zip5))") }
    var distance = "NULL::float8"
    if let centre {
      let origin = "ll_to_earth(\(bind(centre.latitude)), \(bind(centre.longitude)))"
      let radius = bind(centre.metres)
      distance = "earth_distance(\(origin), ll_to_earth(l.latitude, l.longitude))"
      locationFilters.append(
        "earth_box(\(origin), \(radius)) @> ll_to_earth(l.latitude, l.longitude)")
      locationFilters.append("\(distance) <= \(radius)")
    }
    let location: String
    if search.hasLocationFilter {
      let locationWhere = locationFilters.joined(separator: " AND ")
      let locationOrder = centre == nil ? "" : "distance_m, "
      filters.append(
        "pl.provider_id IN (SELECT l.provider_id FROM listing_places l WHERE \(locationWhere))")
      location = """
        JOIN LATERAL (
          SELECT l.city, l.state, l.postal_code, \(distance) AS distance_m
            FROM listing_places l
           WHERE l.provider_id = pl.provider_id AND \(locationWhere)
           ORDER BY \(locationOrder)l.is_primary DESC, l.created_at, l.location_id
           LIMIT 1
        ) loc ON true
        """
    } else {
      location = """
        CROSS JOIN LATERAL (
          SELECT pl.city, pl.state, pl.postal_code, NULL::float8 AS distance_m
        ) loc
        """
    }

    // Profile columns are NULL for a provider without a profile, so each filter excludes it.
    if !search.routes.isEmpty { filters.append("pl.routes @> \(bind(search.routes))") }
    if !search.conditions.isEmpty { filters.append("pl.conditions @> \(bind(search.conditions))") }
    switch (search.insurance.isEmpty, search.slidingScale) {
    case (false, true):
      filters.append("(pl.insurance_payers && \(bind(search.insurance)) OR pl.sliding_scale)")
    case (false, false): filters.append("pl.insurance_payers && \(bind(search.insurance))")
    case (true, true): filters.append("pl.sliding_scale")
    case (true, false): break
    }
    if let state = search.telehealthState {
      filters.append("pl.telehealth_states @> \(bind([state]))")
    }
    if search.acceptingNewPatients { filters.append("pl.accepting_new_patients") }

    // Assessment columns are NULL without an assessment; score_key is then -1, below any minimum
    // (0...100), so it stands for the score and lets provider_listings_by_score bound the scan.
    if let minimum = search.minimumScore {
      filters.append("pl.score_key >= \(bind(minimum))::numeric")
    }
    if !search.tiers.isEmpty { filters.append("pl.tier = ANY (\(bind(search.tiers)))") }
    // No critical flag implies not disqualified: said twice so the sort index can start there.
    if search.noCriticalFlags { filters.append("pl.critical_flags = 0 AND NOT pl.disqualified") }
    if search.noMajorFlags { filters.append("pl.major_flags = 0") }

    let order: String
    switch search.sort {
    case .score: order = "pl.disqualified, pl.score_key DESC, pl.sort_name, pl.provider_id"
    case .name: order = "pl.disqualified, pl.sort_name, pl.provider_id"
    case .distance: order = "pl.disqualified, loc.distance_m, pl.provider_id"
    }
    if let cursor {
      let id = bind(cursor.id)
      let after: String
      switch cursor.sort {
      case .score:
        let score = bind(cursor.score ?? "-1")
        let name = bind(cursor.name ?? "")
        after =
          "(pl.score_key < \(score)::numeric OR (pl.score_key = \(score)::numeric "
          + "AND (pl.sort_name, pl.provider_id) > (\(name), \(id))))"
      case .name:
        after = "(pl.sort_name, pl.provider_id) > (\(bind(cursor.name ?? "")), \(id))"
      case .distance:
        after = "(loc.distance_m, pl.provider_id) > (\(bind(cursor.metres ?? 0)), \(id))"
      }
      let disqualified = bind(cursor.disqualified ?? false)
      filters.append(
        "(pl.disqualified > \(disqualified) OR (pl.disqualified = \(disqualified) AND \(after)))")
    }

    let whereClause = filters.isEmpty ? "" : "\n WHERE " + filters.joined(separator: "\n   AND ")
    sql = """
      SELECT pl.provider_id, pl.kind, pl.name, pl.sort_name,
             loc.city, loc.state, loc.postal_code, loc.distance_m,
             pl.assessment_id, pl.rubric_version, pl.score, pl.tier,
             pl.critical_flags, pl.major_flags, pl.minor_flags, pl.assessed_at,
             coalesce(pl.routes, '{}'::text[]), coalesce(pl.accepting_new_patients, false),
             pl.score_key::text, pl.completeness, pl.open_items
        FROM provider_listings pl
        \(location)\(whereClause)
       ORDER BY \(order)
       LIMIT \(bind(limit))
      """
  }

  /// The distinct words of `text`, split on white space.
  static func words(of text: String) -> [String] {
    var words: [String] = []
    for word in text.split(whereSeparator: \.isWhitespace).map(String.init)
    where !words.contains(word) {
      words.append(word)
    }
    return words
  }

  /// Escapes `\`, `%` and `_` so user text is matched literally by ILIKE (default escape `\`).
  static func escapeLike(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
