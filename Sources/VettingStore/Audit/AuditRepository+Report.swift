import Foundation
import LibPQ
import VettingCore

extension AuditRepository {
  /// Streams one ``ReportRow`` per listed provider matching `query`: first those without a
  /// critical flag, then the disqualified ones (a critical flag), each group by name (case
  /// insensitive) then id; returns the summary of exactly those rows.
  ///
  /// - Parameters:
  ///   - start: called once before the first row with the instant described and the number of
  ///     rows that will follow (counted in the same snapshot), e.g. for a progress display.
  /// - Throws: ``StoreError`` `.invalidArgument` naming `state` or `flag`; whatever `start` or
  ///   `row` throws (the read stops there).
  public func report(
    _ query: ReportQuery, start: (_ asOf: Date, _ rows: Int) async throws -> Void = { _, _ in },
    row body: (ReportRow) async throws -> Void
  ) async throws -> ReportSummary {
    try query.validate()
    return try await Snapshot.read(pool: pool) { snapshot in
      var summary = ReportSummary(asOf: query.asOf ?? snapshot.now)
      var parameters: [any PostgresEncodable] = [
        query.state, query.kind?.rawValue, query.tiers.map(SchemaVocabulary.column).sorted(),
        query.flag,
      ]
      if let asOf = query.asOf { parameters.append(asOf) }
      let sql = Self.reportSQL(historical: query.asOf != nil, details: query.includeDetails)
      let total = try await snapshot.connection.query(
        "select count(*) from (\(sql)) report", parameters
      ).singleRow()?.decode(Int.self, at: 0)
      try await start(summary.asOf, total ?? 0)
      // Rows with their documents are larger: fetch fewer at a time.
      try await snapshot.forEachRow(
        sql, parameters, batchSize: query.includeDetails ? 100 : 1000
      ) { postgresRow in
        let row = try Self.reportRow(postgresRow, details: query.includeDetails)
        summary.add(row)
        try await body(row)
      }
      return summary
    }
  }

  /// Parameters: $1 state, $2 kind, $3 tiers (text[]), $4 flag, $5 as-of (historical only).
  static func reportSQL(historical: Bool, details: Bool) -> String {
    let at = historical ? "$5::timestamptz" : nil
    let columns =
      "a.id, a.tier, floor(a.score)::int as score, a.area_scores, a.flag_ids, a.critical_flags, "
      + "a.rubric_version, a.assessed_at, a.as_of, a.input_hash, a.completeness, "
      + "coalesce(cardinality(a.open_items), 0) as open_item_count"
      + (details ? ", a.document" : "")
    return """
      select l.id, l.kind, l.name, loc.city, loc.state, loc.postal_code,
             fa.id as assessment_id, fa.tier, fa.score, fa.area_scores, fa.flag_ids,
             fa.critical_flags, fa.rubric_version, fa.assessed_at, fa.as_of, fa.input_hash,
             fa.completeness, fa.open_item_count\(details ? ", fa.document" : "")
        from (\(ListedProviders.select(existingAt: at, liveAt: at))) l
        left join lateral (\(ListedProviders.location(state: "$1::text", at: at))) loc on true
        left join lateral (\(ListedProviders.assessment(columns, at: at))) fa on true
       where ($1::text is null or loc.state is not null)
         and ($2::text is null or l.kind = $2::text)
         and (cardinality($3::text[]) = 0 or fa.tier = any($3::text[]))
         and ($4::text is null or fa.flag_ids @> array[$4::text])
       order by coalesce(fa.critical_flags, 0) > 0, lower(l.name), l.id
      """
  }

  static func reportRow(_ row: PostgresRow, details: Bool) throws -> ReportRow {
    ReportRow(
      providerID: try row.decode(UUID.self, "id"),
      kind: try providerKind(row.decode(String.self, "kind")),
      name: try row.decode(String.self, "name"),
      location: try location(row),
      assessment: try reportedAssessment(row, details: details))
  }

  static func providerKind(_ column: String) throws -> ProviderKind {
    guard let kind = ProviderKind(rawValue: column) else {
      throw StoreError(code: .internal, message: "stored provider kind \(column) is unknown")
    }
    return kind
  }

  static func tier(_ column: String) throws -> Tier {
    guard let tier = SchemaVocabulary.tier(column) else {
      throw StoreError(code: .internal, message: "stored tier \(column) is unknown")
    }
    return tier
  }

  /// The `city`, `state`, `postal_code` columns, or `nil` when the provider had no location.
  static func location(_ row: PostgresRow) throws -> ProviderLocation? {
    guard let state = try row.decode(String?.self, "state") else { return nil }
    return ProviderLocation(
      city: try row.decode(String.self, "city"), state: state,
      postalCode: try row.decode(String.self, "postal_code"))
  }

  private static func reportedAssessment(_ row: PostgresRow, details: Bool) throws
    -> ReportedAssessment?
  {
    guard let id = try row.decode(UUID?.self, "assessment_id") else { return nil }
    var areas: [Area: Int?] = [:]
    let stored = try row.decode(PostgresJSONB.self, "area_scores").decode([String: Int?].self)
    for (key, score) in stored {
      // An area a later rubric dropped is not shown rather than failing the report.
      if let area = Area(rawValue: key) { areas[area] = score }
    }
    var detail: Assessment?
    if details, let document = try row.decode(String?.self, "document").map(PostgresJSONB.init) {
      detail = try document.decode(Assessment.self)
    }
    return ReportedAssessment(
      id: id, tier: try tier(row.decode(String.self, "tier")),
      score: try row.decode(Int.self, "score"), areaScores: areas,
      flagIDs: try row.decode([String].self, "flag_ids").sorted(),
      criticalFlags: try row.decode(Int.self, "critical_flags"),
      rubricVersion: try row.decode(String.self, "rubric_version"),
      assessedAt: try row.decode(Date.self, "assessed_at"),
      asOf: Day(try row.decode(PostgresDate.self, "as_of")),
      inputHash: try row.decode(Data.self, "input_hash").hexString,
      completeness: try row.decode(Int?.self, "completeness"),
      openItems: try row.decode(Int.self, "open_item_count"), detail: detail)
  }
}
