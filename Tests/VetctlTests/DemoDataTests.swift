import Foundation
import LibPQ
import PGTestSupport
import Testing

/// `vetctl demo-data`: what it loads is a consistent directory (every listed provider placed,
/// profiled and assessed once), the supersession trigger is back on afterwards, and a label is
/// loaded only once.
@Suite(.timeLimit(.minutes(5))) struct DemoDataTests {
  @Test func loadsAConsistentDirectoryOnce() async throws {
    try await TestDatabase.withScratchDatabase(label: "vetctl_demo") { database in
      let environment = ["PATH": "/usr/bin:/bin"]
      let migrate = try await Spawned.run(
        Binaries.vetctl, ["migrate", "--database-url", database.url], environment: environment)
      #expect(migrate.status == 0, "\(migrate)")
      let load = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", database.url, "--providers", "300", "--chunk", "128"],
        environment: environment)
      #expect(load.status == 0, "\(load)")
      #expect(load.output.contains("loaded 300 providers"), "\(load)")

      let connection = try await database.connect()
      do {
        let counts = try await connection.query(
          """
          select (select count(*) from clinics) + (select count(*) from practitioners where listed_solo),
                 (select count(distinct provider_id) from locations),
                 (select count(*) from practice_profiles),
                 (select count(*) from assessments where superseded_at is null),
                 (select count(*) from assessments),
                 (select count(*) from clinics c
                   where not exists (select 1 from affiliations a where a.clinic_id = c.id)),
                 (select count(distinct tier) from assessments),
                 (select count(distinct state) from locations),
                 (select tgenabled from pg_trigger where tgname = 'assessments_supersede'),
                 (select count(*) from assessments
                   where (document::jsonb ->> 'providerID')::uuid = provider_id
                     and criteria is null and flags is null)
          """
        ).singleRow()!
        #expect(try counts.decode(Int.self, at: 0) == 300, "listed providers")
        #expect(try counts.decode(Int.self, at: 1) == 300, "each has a location")
        #expect(try counts.decode(Int.self, at: 2) == 300, "each has a practice profile")
        #expect(try counts.decode(Int.self, at: 3) == 300, "each has one assessment in force")
        #expect(try counts.decode(Int.self, at: 4) == 300, "and no other")
        #expect(try counts.decode(Int.self, at: 5) == 0, "every clinic has a team")
        #expect(try counts.decode(Int.self, at: 6) >= 3, "tiers vary")
        #expect(try counts.decode(Int.self, at: 7) >= 10, "providers span states")
        #expect(
          try counts.decode(String.self, at: 8) == "O", "the supersession trigger is on again")
        #expect(
          try counts.decode(Int.self, at: 9) == 300,
          "each document is JSON naming its provider, stored once (no criteria/flags copies)")
        await connection.close()
      } catch {
        await connection.close()
        throw error
      }

      // The bulk path filled the search listings in the same transactions, without drift.
      let listings = try await Spawned.run(
        Binaries.vetctl,
        ["check-listings", "--database-url", database.url, "--output", "json"],
        environment: environment)
      #expect(listings.status == 0, "\(listings)")
      #expect(listings.output.filter { !$0.isWhitespace } == "[]", "\(listings)")
      let drifted = try await database.connect()
      try await drifted.query(
        "update provider_listings set name = 'Stale' where provider_id = (select id from clinics order by id limit 1)"
      )
      await drifted.close()
      let drift = try await Spawned.run(
        Binaries.vetctl, ["check-listings", "--database-url", database.url],
        environment: environment)
      #expect(drift.status == 65, "\(drift)")
      #expect(drift.output.contains("provider_listings"), "\(drift)")
      #expect(drift.error.contains("1 listing row set(s) differ"), "\(drift)")
      let repair = try await database.connect()
      try await repair.query(
        "select refresh_listings(array(select id from clinics order by id limit 1))")
      await repair.close()

      let again = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", database.url, "--providers", "10"],
        environment: environment)
      #expect(again.status == 75, "\(again)")
      #expect(again.error.contains("label \"demo\" is already loaded"), "\(again)")

      // Another label scored with the version the servers use (here from the environment).
      let v2 = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", database.url, "--providers", "10", "--label", "v2"],
        environment: environment.merging(["VETTING_RUBRIC_VERSION": "2026.2"]) { $1 })
      #expect(v2.status == 0, "\(v2)")
      let check = try await database.connect()
      let versions = try await {
        try await check.query(
          """
          select a.rubric_version, count(*) from assessments a
            join providers p on p.id = a.provider_id
            left join clinics c on c.id = p.id left join practitioners pr on pr.id = p.id
           where coalesce(c.external_id, pr.external_id) like 'demo-v2-%'
           group by 1
          """
        ).map { "\(try $0.decode(String.self, at: 0)) \(try $0.decode(Int.self, at: 1))" }
      }()
      await check.close()
      #expect(versions == ["2026.2 10"])
      let unknown = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", database.url, "--label", "v3", "--rubric", "2025.1"],
        environment: environment)
      #expect(unknown.status == 64, "\(unknown)")
      #expect(unknown.error.contains("--rubric: \"2025.1\" is not a published rubric version"))
    }
  }
}
