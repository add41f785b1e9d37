import Crypto
import Foundation
import LibPQ
import VettingCore

/// Assesses providers that a bulk load has just stored and that have no assessment yet: reads
/// their facts from the stored rows (``FactsBatchLoader``, the facts ``FactsAssembler`` builds for
/// the server and for revets), scores them and inserts the assessments with one statement. The
/// input hash is the hash of those stored facts, so a later revet at the same rubric version
/// finds nothing to change.
package enum BulkAssessor {
  /// Assesses `providerIDs` (committed, never assessed) in one transaction; returns the providers
  /// per tier (`Tier` raw values) and adds each step's time to `timings`.
  ///
  /// The transaction makes the bulk insert cheap for itself:
  /// - The providers are new, so no assessment is superseded: the per-row supersession trigger
  ///   (a lookup and an update per row) is off until this transaction commits. ALTER TABLE is
  ///   transactional; it locks `assessments` until then, and needs table ownership, which the
  ///   migrating role has. It is switched back on before the commit, as ALTER TABLE outlives the
  ///   transaction and every later assessment must supersede the one before it.
  /// - Assessment documents are JSON (about 20 kB): lz4 compresses them several times faster
  ///   than the default pglz.
  package static func assessNew(
    _ providerIDs: [UUID], on connection: Connection, asOf: Day, assessedBy: String,
    rubric: Rubric = .current, timings: inout [String: Duration]
  ) async throws -> [String: Int] {
    guard !providerIDs.isEmpty else { return [:] }
    let clock = ContinuousClock()
    let start = clock.now
    var tiers: [String: Int] = [:]
    var stepTimes: [String: Duration] = [:]
    try await connection.transaction { connection in
      // The chunk's reads look up a known set of ids in each table. Under the default
      // random_page_cost (4, priced for spinning disks) the planner answers them with a
      // sequential scan of every table per chunk once the directory passes a few tens of
      // thousands of rows, so a load grew quadratically; the directory's tables are small
      // enough to be cached, where 1.1 is the usual setting (docs/VETCTL.md, "demo-data").
      try await connection.execute("SET LOCAL random_page_cost = 1.1")
      var mark = clock.now
      let facts = try await FactsBatchLoader.facts(
        providerIDs: providerIDs, on: connection, asOf: asOf)
      stepTimes["facts from stored rows", default: .zero] += clock.now - mark
      mark = clock.now
      var columns = Columns()
      for id in providerIDs {
        guard let providerFacts = facts[id] else { continue }
        let assessment = Engine.assess(providerFacts, rubric: rubric, asOf: asOf)
        tiers[assessment.tier.rawValue, default: 0] += 1
        try columns.append(
          id, assessment, hash: Data(SHA256.hash(data: try providerFacts.canonicalEncoding())))
      }
      stepTimes["scoring", default: .zero] += clock.now - mark
      mark = clock.now
      try await connection.execute("ALTER TABLE assessments DISABLE TRIGGER assessments_supersede")
      try await connection.execute("SET LOCAL default_toast_compression = 'lz4'")
      try await connection.execute(
        """
        insert into assessments
          (provider_id, rubric_version, score, tier, area_scores, flag_ids, critical_flags,
           major_flags, minor_flags, input_hash, as_of, assessed_at, assessed_by, document,
           completeness, open_items)
        select pid, $11, score, tier, areas::jsonb, string_to_array(flag_ids, ','), critical,
               major, minor, decode(hash, 'hex'), $12::date, clock_timestamp(), $13, document,
               completeness,
               array(select item from jsonb_array_elements_text(open_items::jsonb)
                       with ordinality as line (item, n) order by n)
          from unnest($1::uuid[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::int8[],
                      $7::int8[], $8::int8[], $9::text[], $10::text[], $14::int8[], $15::text[])
            as t (pid, score, tier, areas, flag_ids, critical, major, minor, hash, document,
                  completeness, open_items)
        """,
        [
          columns.providerID, columns.score, columns.tier, columns.areaScores, columns.flagIDs,
          columns.critical, columns.major, columns.minor, columns.inputHash, columns.document,
          rubric.version, asOf.postgres,
          String(assessedBy.prefix(200)), columns.completeness, columns.openItems,
        ])
      try await connection.execute("ALTER TABLE assessments ENABLE TRIGGER assessments_supersede")
      stepTimes["assessments", default: .zero] += clock.now - mark
    }
    for (step, time) in stepTimes { timings[step, default: .zero] += time }
    timings["assess (load + score + insert + commit)", default: .zero] += clock.now - start
    return tiers
  }

  /// The assessments of a chunk as column arrays.
  private struct Columns {
    var providerID: [UUID] = []
    var score: [Int] = []
    var tier: [String] = []
    var areaScores: [String] = []
    var flagIDs: [String] = []
    var critical: [Int] = []
    var major: [Int] = []
    var minor: [Int] = []
    var inputHash: [String] = []
    var document: [String] = []
    var completeness: [Int] = []
    /// Each row's open items as a JSON array (a row's array of lines cannot be an element of a
    /// one-dimensional array parameter; names in the lines may hold any character).
    var openItems: [String] = []

    mutating func append(_ id: UUID, _ assessment: Assessment, hash: Data) throws {
      let columns = AssessmentColumns(assessment)
      providerID.append(id)
      score.append(assessment.score)
      tier.append(columns.tier)
      areaScores.append(try columns.areaScores())
      flagIDs.append(columns.flagIDs.joined(separator: ","))
      critical.append(columns.criticalFlags)
      major.append(columns.majorFlags)
      minor.append(columns.minorFlags)
      inputHash.append(hash.hexString)
      // The canonical bytes, stored as they are (text; migration 0006).
      document.append(String(decoding: try assessment.canonicalEncoding(), as: UTF8.self))
      completeness.append(columns.completeness)
      openItems.append(String(decoding: try CanonicalJSON.encode(columns.openItems), as: UTF8.self))
    }
  }
}
