import Foundation
import LibPQ
import VettingCore

extension AuditRepository {
  /// Streams the listed providers whose tier changed, who gained or lost a flag, or whose flags
  /// were counted under other severities (a rubric move), between
  /// `query.from` and `query.to` (each side: the assessment in force then), ordered by name then
  /// id, and returns the totals of exactly those changes.
  ///
  /// Providers count when they existed at the later instant and were not archived by the earlier
  /// one; a provider with no assessment in force at the later instant is left out.
  /// - Throws: ``StoreError`` `.invalidArgument` naming `to_time` or `state`; whatever `change`
  ///   throws.
  public func compare(
    _ query: CompareQuery, change body: (AssessmentChange) async throws -> Void
  ) async throws -> CompareSummary {
    try query.validate()
    return try await Snapshot.read(pool: pool) { snapshot in
      let to = query.to ?? snapshot.now
      if query.to == nil, query.from >= to {
        throw StoreError.invalidArgument(
          field: "from_time", message: "must be in the past when to_time is not given")
      }
      var summary = CompareSummary(from: query.from, to: to)
      var parameters: [any PostgresEncodable] = [query.from, query.state, query.kind?.rawValue]
      if let later = query.to { parameters.append(later) }
      try await snapshot.forEachRow(
        Self.compareSQL(historicalTo: query.to != nil), parameters, batchSize: 1000
      ) { row in
        let change = try Self.assessmentChange(row)
        summary.add(change)
        try await body(change)
      }
      return summary
    }
  }

  private static let compareColumns = """
    a.id, a.provider_id, a.rubric_version, a.score, a.tier, a.critical_flags, a.major_flags,
    a.minor_flags, a.as_of, a.assessed_at, a.input_hash, a.flag_ids, a.completeness, a.open_items
    """

  private static func prefixed(_ alias: String, _ prefix: String) -> String {
    [
      "id", "provider_id", "rubric_version", "score", "tier", "critical_flags", "major_flags",
      "minor_flags", "as_of", "assessed_at", "input_hash", "flag_ids", "completeness", "open_items",
    ].map { "\(alias).\($0) as \(prefix)\($0)" }.joined(separator: ", ")
  }

  /// $1 from, $2 state, $3 kind, $4 to (only when `historicalTo`; otherwise the latest).
  static func compareSQL(historicalTo: Bool) -> String {
    let to = historicalTo ? "$4::timestamptz" : nil
    return """
      select l.id, l.kind, l.name, loc.city, loc.state, loc.postal_code,
             \(prefixed("fa", "f_")), \(prefixed("ta", "t_"))
        from (\(ListedProviders.select(existingAt: to, liveAt: "$1::timestamptz"))) l
        left join lateral (\(ListedProviders.location(state: "$2::text", at: to))) loc on true
        left join lateral (\(ListedProviders.assessment(compareColumns, at: "$1::timestamptz"))) fa
          on true
        join lateral (\(ListedProviders.assessment(compareColumns, at: to))) ta on true
       where ($2::text is null or loc.state is not null)
         and ($3::text is null or l.kind = $3::text)
         and (fa.id is null or fa.tier <> ta.tier
              or not (fa.flag_ids @> ta.flag_ids and ta.flag_ids @> fa.flag_ids)
              or fa.critical_flags <> ta.critical_flags or fa.major_flags <> ta.major_flags
              or fa.minor_flags <> ta.minor_flags)
       order by lower(l.name), l.id
      """
  }

  static func assessmentChange(_ row: PostgresRow) throws -> AssessmentChange {
    let from = try summary(row, prefix: "f_")
    guard let to = try summary(row, prefix: "t_") else {
      throw StoreError(code: .internal, message: "a compared provider has no later assessment")
    }
    let before = Set(from?.flags ?? [])
    let after = Set(to.flags)
    let tierChange: AssessmentChange.TierChange
    if let from {
      tierChange =
        to.summary.tier < from.summary.tier
        ? .upgraded : (from.summary.tier < to.summary.tier ? .downgraded : .unchanged)
    } else {
      tierChange = .firstAssessed
    }
    return AssessmentChange(
      providerID: try row.decode(UUID.self, "id"),
      kind: try providerKind(row.decode(String.self, "kind")),
      name: try row.decode(String.self, "name"), location: try location(row),
      from: from?.summary, to: to.summary, tierChange: tierChange,
      gainedFlags: after.subtracting(before).sorted(),
      lostFlags: before.subtracting(after).sorted(),
      severityChanges: AssessmentChange.severityChanges(
        of: before.intersection(after), from: from?.summary.rubricVersion ?? "",
        to: to.summary.rubricVersion))
  }

  /// The assessment columns with `prefix`, or `nil` when they are NULL (none in force).
  private static func summary(_ row: PostgresRow, prefix: String) throws -> (
    summary: AssessmentSummary, flags: [String]
  )? {
    guard let id = try row.decode(UUID?.self, prefix + "id") else { return nil }
    let summary = AssessmentSummary(
      id: id, providerID: try row.decode(UUID.self, prefix + "provider_id"),
      rubricVersion: try row.decode(String.self, prefix + "rubric_version"),
      score: NSDecimalNumber(decimal: try row.decode(Decimal.self, prefix + "score")).intValue,
      tier: try tier(row.decode(String.self, prefix + "tier")),
      criticalFlags: try row.decode(Int.self, prefix + "critical_flags"),
      majorFlags: try row.decode(Int.self, prefix + "major_flags"),
      minorFlags: try row.decode(Int.self, prefix + "minor_flags"),
      asOf: Day(try row.decode(PostgresDate.self, prefix + "as_of")),
      assessedAt: try row.decode(Date.self, prefix + "assessed_at"),
      completeness: try row.decode(Int?.self, prefix + "completeness"),
      openItems: try row.decode([String]?.self, prefix + "open_items")?.count ?? 0,
      inputHash: try row.decode(Data.self, prefix + "input_hash").hexString)
    return (summary, try row.decode([String].self, prefix + "flag_ids"))
  }
}
