import Crypto
import Foundation
import LibPQ
import PGTestSupport
import Testing
import VettingCore
import VettingStore

/// `vetctl demo-data` goes through the store's write path: its assessments are made from the
/// stored rows (each equals the one the Rescorer makes from them), so revetting everything
/// afterwards finds nothing to change; and a provider's
/// facts read in the loader's chunk of all 300 equal its facts read alone (``FactsAssembler``,
/// a chunk of one), with evidence and ended affiliations added after the load.
@Suite(.timeLimit(.minutes(5))) struct DemoDataStorePathTests {
  @Test func revetAllAfterDemoDataStoresNothingAndBatchFactsMatchTheAssembler() async throws {
    try await TestDatabase.withScratchDatabase(label: "vetctl_demo_path") { database in
      let environment = ["PATH": "/usr/bin:/bin"]
      let migrate = try await Spawned.run(
        Binaries.vetctl, ["migrate", "--database-url", database.url], environment: environment)
      #expect(migrate.status == 0, "\(migrate)")
      let load = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", database.url, "--providers", "300", "--chunk", "128"],
        environment: environment)
      #expect(load.status == 0, "\(load)")

      let connection = try await database.connect()
      do {
        let pool = ConnectionPool(configuration: database.configuration)
        let tally = try await AssessmentRepository(pool: pool).revetAll()
        await pool.close()
        #expect(tally.done == 300)
        #expect(tally.rescored == 0, "revet all after demo-data must store no new assessment")
        #expect(tally.tierChanges == 0)
        // RevetAll skips providers assessed today with its rubric, so check each stored
        // assessment against the one the Rescorer would make from the stored rows.
        let today = Day(Date())
        for row in try await connection.query(
          """
          select provider_id, input_hash, score::int, tier, as_of::text, completeness, open_items
            from assessments
           where superseded_at is null order by provider_id
          """)
        {
          let id = try row.decode(UUID.self, at: 0)
          let facts = try #require(
            try await FactsAssembler.facts(providerID: id, on: connection, asOf: today))
          let assessment = Engine.assess(facts, asOf: today)
          #expect(try row.decode(String.self, at: 4) == today.description)
          #expect(
            try row.decode(Data.self, at: 1)
              == Data(SHA256.hash(data: try facts.canonicalEncoding())),
            "provider \(id): demo-data's facts differ from the stored rows' facts")
          #expect(try row.decode(Int.self, at: 2) == assessment.score, "provider \(id)")
          #expect(
            SchemaVocabulary.tier(try row.decode(String.self, at: 3)) == assessment.tier,
            "provider \(id)")
          // The bulk path stores the same completeness columns as the Rescorer (migration 0009).
          #expect(try row.decode(Int?.self, at: 5) == assessment.completeness.percent)
          #expect(
            try row.decode([String].self, at: 6)
              == assessment.completeness.openItems.map(\.detail), "provider \(id)")
        }

        let stored = try await connection.query(
          "select tier, count(*) from assessments where superseded_at is null group by tier"
        ).map { (try $0.decode(String.self, at: 0), try $0.decode(Int.self, at: 1)) }
        #expect(
          Set(stored.compactMap { SchemaVocabulary.tier($0.0) })
            == Set(Tier.allCases.filter { $0 != .incomplete }),
          "300 demo providers span every tier 2026.1 gives: \(stored)")
        #expect(stored.map(\.1).reduce(0, +) == 300)

        try await addEvidence(on: connection)
        let asOf = Day(Date())
        let ids = try await connection.query(
          """
          select id from clinics union all select id from practitioners where listed_solo
           order by id
          """
        ).map { try $0.decode(UUID.self, at: 0) }
        #expect(ids.count == 300)
        let batched = try await FactsBatchLoader.facts(
          providerIDs: ids, on: connection, asOf: asOf)
        #expect(batched.count == ids.count)
        var seen = Coverage()
        for id in ids {
          let single = try #require(
            try await FactsAssembler.facts(providerID: id, on: connection, asOf: asOf))
          let batch = try #require(batched[id])
          #expect(
            try batch.canonicalEncoding() == single.canonicalEncoding(),
            "provider \(id): its facts in a chunk of 300 differ from its facts read alone")
          seen.note(single)
        }
        #expect(seen.partners > 0, "some providers have partners")
        #expect(seen.certificates > 0, "some practitioners hold certificates")
        #expect(seen.boards > 0, "some practitioners are board certified")
        #expect(seen.staff > 0, "some clinics have nurses or monitors")
        #expect(seen.suspended > 0, "some licenses are suspended")
        #expect(seen.unknowns > 0, "some questionnaire answers are unknown")
        #expect(seen.yearsInPractice > 0, "some practitioners have a practice start date")
        #expect(seen.tiers.count >= 3, "demo data spreads over tiers: \(seen.tiers)")

        await connection.close()
      } catch {
        await connection.close()
        throw error
      }
    }
  }

  /// Evidence on some practitioners (their NPI, some of it expired) and on some licenses, and an
  /// ended affiliation: the two facts loaders must apply them alike. Added after the revet, which
  /// would otherwise (rightly) store new assessments for these providers.
  private func addEvidence(on connection: Connection) async throws {
    try await connection.execute(
      """
      insert into evidence_items (provider_id, fact, description, provenance, expires_on)
      select id, 'npi', 'NPI registry letter on file', 'document_on_file',
             case when n % 3 = 0 then current_date - 1 end
        from (select id, row_number() over (order by id) as n from practitioners
               where npi is not null order by id limit 60) as t
      """)
    try await connection.execute(
      """
      insert into evidence_items (provider_id, license_id, fact, description, provenance)
      select practitioner_id, id, 'npi', 'license copy on file', 'document_on_file'
        from licenses where provenance = 'self_reported' order by id limit 40
      """)
    try await connection.execute(
      """
      update affiliations set ended_on = current_date - 1
       where id in (select id from affiliations order by id limit 5)
      """)
  }

  private struct Coverage {
    var partners = 0
    var certificates = 0
    var boards = 0
    var staff = 0
    var suspended = 0
    var unknowns = 0
    var yearsInPractice = 0
    var tiers: Set<Tier> = []

    mutating func note(_ facts: ProviderFacts) {
      if !facts.affiliations.isEmpty { partners += 1 }
      for person in facts.practitioners {
        if !person.certifications.isEmpty { certificates += 1 }
        if person.boardCertification != nil { boards += 1 }
        if person.roles.contains(.nurse) || person.roles.contains(.monitor) { staff += 1 }
        if person.licenses.contains(where: { $0.status == .suspended }) { suspended += 1 }
        if person.yearsInPractice != nil { yearsInPractice += 1 }
      }
      if facts.practice.screening.psychiatricEvaluation == nil
        || facts.practice.screening.urineToxicology == nil
      {
        unknowns += 1
      }
      tiers.insert(Engine.assess(facts, asOf: Day(Date())).tier)
    }
  }
}
