import Crypto
import Foundation
import LibPQ
import VettingCore

/// Re-scores one provider inside the caller's transaction.
enum Rescorer {
  struct Outcome: Sendable {
    var summary: AssessmentSummary
    var inserted: Bool
    var previousTier: Tier?
  }

  /// Assesses the provider's current facts and stores a new assessment when the facts (input
  /// hash) or the rubric version changed, or when the as-of day moved and the verdict (score, tier,
  /// flags) changed with it. Returns `nil` for an archived or unknown provider.
  ///
  /// Locks the provider's row first, so concurrent re-scores of one provider run one after the
  /// other and each reads the facts the previous one committed.
  static func rescore(
    providerID: UUID, on connection: Connection, assessedBy: String, asOf: Day, rubric: Rubric
  ) async throws -> Outcome? {
    guard
      let kind = try await connection.query(
        "select kind from providers where id = $1", [providerID]
      ).singleRow()?.decode(String.self, at: 0)
    else { return nil }
    let table = kind == "clinic" ? "clinics" : "practitioners"
    try await connection.execute(
      "select 1 from \(table) where id = $1 and archived_at is null for update", [providerID])
    guard
      let facts = try await FactsAssembler.facts(
        providerID: providerID, on: connection, asOf: asOf)
    else { return nil }
    return try await store(
      facts, providerID: providerID, on: connection, assessedBy: assessedBy, asOf: asOf,
      rubric: rubric)
  }

  /// Assesses `facts` (the provider's current facts, its row locked) and stores the assessment
  /// when it differs from the one in force as ``rescore(providerID:on:assessedBy:asOf:rubric:)``
  /// says.
  private static func store(
    _ facts: ProviderFacts, providerID: UUID, on connection: Connection, assessedBy: String,
    asOf: Day, rubric: Rubric
  ) async throws -> Outcome {
    let assessment = Engine.assess(facts, rubric: rubric, asOf: asOf)
    let hash = Data(SHA256.hash(data: try facts.canonicalEncoding()))

    let columns = AssessmentColumns(assessment)
    let latest = try await AssessmentRepository.latestSummary(
      providerID: providerID, on: connection)
    if let latest, latest.inputHash == hash.hexString, latest.rubricVersion == rubric.version,
      latest.asOf == asOf || sameVerdict(latest, assessment, columns)
    {
      return Outcome(summary: latest, inserted: false, previousTier: latest.tier)
    }

    let row = try await connection.query(
      """
      insert into assessments
        (provider_id, rubric_version, score, tier, area_scores, flag_ids, critical_flags,
         major_flags, minor_flags, input_hash, as_of, assessed_at, assessed_by, document,
         completeness, open_items)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, clock_timestamp(), $12, $13, $14, $15)
      returning \(AssessmentRepository.summaryColumns)
      """,
      [
        providerID, rubric.version, assessment.score, columns.tier,
        PostgresJSONB(try columns.areaScores()), columns.flagIDs, columns.criticalFlags,
        columns.majorFlags, columns.minorFlags, hash, asOf.postgres,
        String(assessedBy.prefix(200)),
        // The canonical bytes, stored as they are (text; migration 0006).
        String(decoding: try assessment.canonicalEncoding(), as: UTF8.self),
        columns.completeness, columns.openItems,
      ]
    ).singleRow()
    guard let row else {
      throw StoreError(code: .internal, message: "inserting an assessment returned no row")
    }
    return Outcome(
      summary: try AssessmentRepository.summary(row), inserted: true, previousTier: latest?.tier)
  }

  /// Whether the stored latest assessment has the same verdict as `assessment` (only asked when
  /// the facts are unchanged but the as-of day moved: expiry may have changed the verdict).
  private static func sameVerdict(
    _ latest: AssessmentSummary, _ assessment: Assessment, _ columns: AssessmentColumns
  ) -> Bool {
    latest.score == assessment.score && latest.tier == assessment.tier
      && latest.criticalFlags == columns.criticalFlags
      && latest.majorFlags == columns.majorFlags && latest.minorFlags == columns.minorFlags
      && latest.completeness == columns.completeness
      && latest.openItems == columns.openItems.count
  }
}
