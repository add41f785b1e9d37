import Foundation
import LibPQ
import StoreTestSupport
import Testing

@Suite("Search indexes exist and the planner can use them", .migratedDatabase)
struct IndexTests {
  @Test(
    "each search index exists with its access method and expression",
    arguments: [
      ("locations_earth", "gist", "ll_to_earth(latitude, longitude)"),
      ("clinics_name_trgm", "gin", "name gin_trgm_ops"),
      ("practitioners_name_trgm", "gin", "full_name gin_trgm_ops"),
      ("practice_profiles_routes", "gin", "(routes)"),
      ("practice_profiles_conditions", "gin", "(conditions)"),
      ("practice_profiles_telehealth_states", "gin", "(telehealth_states)"),
      ("locations_state_city", "btree", "(state, lower(city))"),
      ("locations_zip5", "btree", "(zip5)"),
      ("assessments_latest", "btree", "WHERE (superseded_at IS NULL)"),
    ])
  func indexExists(name: String, method: String, fragment: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let definition = try await db.query(
        "select indexdef from pg_indexes where schemaname = 'public' and indexname = $1", [name]
      ).singleRow()?.decode(String.self, at: 0)
      let found = try #require(definition, "index \(name) does not exist")
      #expect(found.contains("USING \(method) "), "\(found)")
      #expect(found.contains(fragment), "\(found)")
    }
  }

  @Test(
    "the search shapes are answered by their index (sequential scans disabled)",
    arguments: [
      (
        """
        select id from locations
        where earth_box(ll_to_earth(42.73, -84.55), 25000) @> ll_to_earth(latitude, longitude)
          and earth_distance(ll_to_earth(42.73, -84.55), ll_to_earth(latitude, longitude)) <= 25000
        """,
        "locations_earth"
      ),
      ("select id from clinics where name ilike '%lakeside%'", "clinics_name_trgm"),
      ("select id from practitioners where full_name % 'ana ruis'", "practitioners_name_trgm"),
      (
        "select provider_id from practice_profiles where routes @> array['iv']",
        "practice_profiles_routes"
      ),
      (
        "select provider_id from practice_profiles where conditions && array['ptsd', 'ocd']",
        "practice_profiles_conditions"
      ),
    ])
  func planUsesIndex(sql: String, index: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let plan = try await db.transaction { tx in
        try await tx.execute("set local enable_seqscan = off")
        return try await tx.query("explain " + sql).map { try $0.decode(String.self, at: 0) }
      }.joined(separator: "\n")
      #expect(plan.contains(index), "\(plan)")
    }
  }

  @Test("distance search finds what is inside the radius and not what is outside")
  func distanceSearchIsCorrect() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let town = "Town \(UUID().uuidString.prefix(8))"
      // Lansing, MI; East Lansing (~6 km away); Detroit (~130 km away).
      let places: [(String, Double, Double)] = [
        ("lansing", 42.7325, -84.5555), ("east_lansing", 42.7370, -84.4839),
        ("detroit", 42.3314, -83.0458),
      ]
      for (label, latitude, longitude) in places {
        try await db.execute(
          """
          insert into locations (provider_id, label, address_line1, city, state, postal_code, latitude, longitude)
          values ($1, $2, '1 Main St', $3, 'MI', '48912', $4, $5)
          """, [clinic, label, town, latitude, longitude])
      }
      let within = try await db.query(
        """
        select label from locations
        where city = $1
          and earth_box(ll_to_earth($2, $3), $4) @> ll_to_earth(latitude, longitude)
          and earth_distance(ll_to_earth($2, $3), ll_to_earth(latitude, longitude)) <= $4
        order by earth_distance(ll_to_earth($2, $3), ll_to_earth(latitude, longitude))
        """,
        [town, 42.7325, -84.5555, 20_000.0]
      ).map { try $0.decode(String.self, at: 0) }
      #expect(within == ["lansing", "east_lansing"])
    }
  }
}
