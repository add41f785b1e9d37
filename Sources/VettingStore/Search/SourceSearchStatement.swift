import Foundation
import LibPQ

/// The SQL of one search over the source tables, as `ProviderSearch` ran it before the listings
/// read model (migration 0010): kept, unused by `search`, as the reference the tests compare
/// ``SearchStatement`` with (same hits, same order, same page tokens). Every value is a `$n`
/// parameter.
///
/// Shape (fragments in brackets appear only with their filter):
///
/// ```sql
/// SELECT ... FROM (
///     SELECT id, 'clinic', name, lower(name) FROM clinics
///      WHERE archived_at IS NULL [AND id IN (name or team-member name matches)]
///     UNION ALL
///     SELECT id, 'practitioner', full_name, lower(full_name) FROM practitioners
///      WHERE listed_solo AND archived_at IS NULL [AND full_name matches]
///   ) pr
///   [LEFT] JOIN LATERAL (the location shown: nearest / primary, matching the location filters) loc
///   [LEFT] JOIN practice_profiles pp ON pp.provider_id = pr.id
///   [LEFT] JOIN assessments a ON a.provider_id = pr.id AND a.superseded_at IS NULL
///  WHERE [pr.id IN (SELECT provider_id FROM locations WHERE location filters)]
///    [profile filters] [assessment filters] [keyset: after the cursor]
///  ORDER BY disqualified (a critical flag), sort key, pr.id LIMIT page size + 1
/// ```
///
/// The `pr.id IN (locations ...)` semi-join repeats the location filters so the planner can start
/// from the `locations_earth` GiST (or ZIP / city) index instead of probing every provider.
struct SourceSearchStatement {
  private(set) var parameters: [any PostgresEncodable] = []
  private(set) var sql = ""

  private mutating func bind(_ value: some PostgresEncodable) -> String {
    parameters.append(value)
    return "$\(parameters.count)"
  }

  init(
    _ search: ValidatedSearch, centre: SearchStatement.Centre?, after cursor: PageCursor?,
    limit: Int
  ) {
    // Text: ILIKE '%…%' (escaped) or word similarity; both answered by the gin_trgm_ops indexes.
    var clinicText = ""
    var practitionerText = ""
    if let text = search.text {
      // Every word must match, each as a substring (ILIKE, escaped) or by trigram word
      // similarity (typos); both are answered by the gin_trgm_ops indexes.
      let words = SearchStatement.words(of: text).map { word in
        (pattern: bind("%" + SearchStatement.escapeLike(word) + "%"), word: bind(word))
      }
      func matches(_ column: String) -> String {
        words.map { "(\(column) ILIKE \($0.pattern) OR \(column) %> \($0.word))" }
          .joined(separator: " AND ")
      }
      clinicText = """
         AND c.id IN (SELECT m.id FROM clinics m WHERE \(matches("m.name"))
                      UNION
                      SELECT af.clinic_id FROM affiliations af
                        JOIN practitioners tm ON tm.id = af.practitioner_id
                       WHERE af.archived_at IS NULL AND tm.archived_at IS NULL
                         AND \(matches("tm.full_name")))
        """
      practitionerText = " AND \(matches("p.full_name"))"
    }

    var branches: [String] = []
    if search.kind != .practitioner {
      branches.append(
        """
        SELECT c.id, 'clinic'::text AS kind, c.name, lower(c.name) AS sort_name
          FROM clinics c
         WHERE c.archived_at IS NULL\(clinicText)
        """)
    }
    if search.kind != .clinic {
      branches.append(
        """
        SELECT p.id, 'practitioner'::text AS kind, p.full_name AS name, lower(p.full_name) AS sort_name
          FROM practitioners p
         WHERE p.listed_solo AND p.archived_at IS NULL\(practitionerText)
        """)
    }

    // Location filters, on alias l.
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
    let locationWhere = locationFilters.map { " AND " + $0 }.joined()
    let locationJoin = search.hasLocationFilter ? "JOIN LATERAL" : "LEFT JOIN LATERAL"
    let locationOrder = centre == nil ? "" : "distance_m, "

    var filters: [String] = []
    if search.hasLocationFilter {
      filters.append(
        "pr.id IN (SELECT l.provider_id FROM locations l WHERE l.archived_at IS NULL\(locationWhere))"
      )
    }

    if !search.routes.isEmpty { filters.append("pp.routes @> \(bind(search.routes))") }
    if !search.conditions.isEmpty { filters.append("pp.conditions @> \(bind(search.conditions))") }
    switch (search.insurance.isEmpty, search.slidingScale) {
    case (false, true):
      filters.append("(pp.insurance_payers && \(bind(search.insurance)) OR pp.sliding_scale)")
    case (false, false): filters.append("pp.insurance_payers && \(bind(search.insurance))")
    case (true, true): filters.append("pp.sliding_scale")
    case (true, false): break
    }
    if let state = search.telehealthState {
      filters.append("pp.telehealth_states @> \(bind([state]))")
    }
    if search.acceptingNewPatients { filters.append("pp.accepting_new_patients") }
    let profileJoin = search.hasProfileFilter ? "JOIN" : "LEFT JOIN"

    if let minimum = search.minimumScore {
      filters.append("a.score >= \(bind(minimum))::numeric")
    }
    if !search.tiers.isEmpty { filters.append("a.tier = ANY (\(bind(search.tiers)))") }
    if search.noCriticalFlags { filters.append("a.critical_flags = 0") }
    if search.noMajorFlags { filters.append("a.major_flags = 0") }
    let assessmentJoin = search.hasAssessmentFilter ? "JOIN" : "LEFT JOIN"

    let scoreKey = "coalesce(a.score, -1)"
    // Disqualified (a critical flag) sorts after everything else in every order; unassessed
    // providers are not disqualified.
    let disqualifiedKey = "(coalesce(a.critical_flags, 0) > 0)"
    let order: String
    switch search.sort {
    case .score: order = "\(disqualifiedKey), \(scoreKey) DESC, pr.sort_name, pr.id"
    case .name: order = "\(disqualifiedKey), pr.sort_name, pr.id"
    case .distance: order = "\(disqualifiedKey), loc.distance_m, pr.id"
    }
    if let cursor {
      let id = bind(cursor.id)
      let after: String
      switch cursor.sort {
      case .score:
        let score = bind(cursor.score ?? "-1")
        let name = bind(cursor.name ?? "")
        after =
          "(\(scoreKey) < \(score)::numeric OR (\(scoreKey) = \(score)::numeric "
          + "AND (pr.sort_name, pr.id) > (\(name), \(id))))"
      case .name:
        after = "(pr.sort_name, pr.id) > (\(bind(cursor.name ?? "")), \(id))"
      case .distance:
        after = "(loc.distance_m, pr.id) > (\(bind(cursor.metres ?? 0)), \(id))"
      }
      let disqualified = bind(cursor.disqualified ?? false)
      filters.append(
        "(\(disqualifiedKey) > \(disqualified) OR (\(disqualifiedKey) = \(disqualified) AND \(after)))"
      )
    }

    let whereClause = filters.isEmpty ? "" : "\n WHERE " + filters.joined(separator: "\n   AND ")
    sql = """
      SELECT pr.id, pr.kind, pr.name, pr.sort_name,
             loc.city, loc.state, loc.postal_code, loc.distance_m,
             a.id, a.rubric_version, a.score, a.tier,
             a.critical_flags, a.major_flags, a.minor_flags, a.assessed_at,
             coalesce(pp.routes, '{}'::text[]), coalesce(pp.accepting_new_patients, false),
             \(scoreKey)::text, a.completeness, coalesce(cardinality(a.open_items), 0)
        FROM (\(branches.joined(separator: "\n UNION ALL\n"))) pr
        \(locationJoin) (
          SELECT l.city, l.state, l.postal_code, \(distance) AS distance_m
            FROM locations l
           WHERE l.provider_id = pr.id AND l.archived_at IS NULL\(locationWhere)
           ORDER BY \(locationOrder)l.is_primary DESC, l.created_at, l.id
           LIMIT 1
        ) loc ON true
        \(profileJoin) practice_profiles pp ON pp.provider_id = pr.id
        \(assessmentJoin) assessments a ON a.provider_id = pr.id AND a.superseded_at IS NULL\(whereClause)
       ORDER BY \(order)
       LIMIT \(bind(limit))
      """
  }
}
