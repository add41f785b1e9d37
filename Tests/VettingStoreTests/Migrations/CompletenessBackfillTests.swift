import Foundation
import LibPQ
import PGTestSupport
import Testing
import VettingCore
import VettingStore

/// Migration 0009 fills `completeness` and `open_items` for assessments stored before it, with
/// the values VettingCore computes from their documents.
@Suite("Migration 0009: completeness backfilled from stored documents")
struct CompletenessBackfillTests {
  @Test("an assessment stored under 0008 gets the engine's completeness and open items")
  func backfill() async throws {
    try await FreshDatabase.withConnection(label: "completeness_backfill") { _, connection in
      let all = MigrationCatalog.embedded.migrations
      let before = try MigrationCatalog(
        files: all.filter { $0.version < 9 }.map {
          MigrationFile(fileName: $0.fileName, sql: $0.sql)
        })
      _ = try await MigrationRunner(catalog: before).migrate(on: connection)

      // A provider with a thin file (open items) and one with none stored: its document's
      // outcomes are what the migration reads.
      var facts = ProviderFacts(
        id: "backfill", kind: .practitioner, name: "Backfill", statesServed: ["MI"],
        routes: [.lozengeInOffice], practitioners: [], practice: PracticeProfile())
      facts.practice.screening.urineToxicology = .verified(false)
      let assessment = Engine.assess(facts, rubric: .v2, asOf: Day(year: 2026, month: 12, day: 1)!)
      let id = UUID()
      try await connection.execute(
        "insert into providers (id, kind) values ($1, 'practitioner')", [id])
      try await connection.execute(
        """
        insert into assessments (provider_id, rubric_version, score, tier, input_hash, as_of,
                                 document)
        values ($1, '2026.2', $2, $3, sha256('x'), '2026-12-01', $4)
        """,
        [
          id, assessment.score, assessment.tier.rawValue.replacingOccurrences(of: "-", with: "_"),
          String(decoding: try assessment.canonicalEncoding(), as: UTF8.self),
        ])
      let legacy = UUID()
      try await connection.execute(
        "insert into providers (id, kind) values ($1, 'clinic')", [legacy])
      try await connection.execute(
        """
        insert into assessments (provider_id, rubric_version, score, tier, input_hash, as_of)
        values ($1, '2026.1', 10, 'not_vetted', sha256('y'), '2026-12-01')
        """, [legacy])

      _ = try await MigrationRunner().migrate(on: connection)

      let row = try #require(
        try await connection.query(
          "select completeness, open_items from assessments where provider_id = $1", [id]
        ).singleRow())
      let expected = assessment.completeness
      #expect(!expected.openItems.isEmpty && expected.percent > 0 && expected.percent < 100)
      #expect(try row.decode(Int?.self, at: 0) == expected.percent)
      #expect(try row.decode([String]?.self, at: 1) == expected.openItems.map(\.detail))
      let old = try #require(
        try await connection.query(
          "select completeness, open_items from assessments where provider_id = $1", [legacy]
        ).singleRow())
      #expect(try old.decode(Int?.self, at: 0) == nil, "no document: nothing to measure")
      #expect(try old.decode([String]?.self, at: 1) == nil)

      // The guard is back: the rows are append-only again.
      await #expect(throws: PostgresError.self) {
        try await connection.execute(
          "update assessments set completeness = 1 where provider_id = $1", [id])
      }
    }
  }
}
