import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

/// The main search shapes at 100,000 providers use their indexes. The directory is generated in
/// SQL by `SyntheticDirectory` (a few seconds); plans are read with `ProviderSearch.explain`, so
/// the statements checked are exactly the ones `search` runs. Set `VETTING_SEARCH_PLANS=<file>` to
/// write the plans (and `EXPLAIN ANALYZE` timings) there, as docs/SEARCH.md shows them.
@Suite("Search plans at 100,000 providers use the indexes", .migratedDatabase, .serialized)
struct SearchPlanTests {
  static let providers = 100_000

  struct Shape: Sendable, CustomTestStringConvertible {
    var label: String
    var query: SearchQuery
    /// Every one of these index names must appear in the plan.
    var indexes: [String]
    var testDescription: String { label }

    init(_ label: String, indexes: [String], _ build: (inout SearchQuery) -> Void) {
      self.label = label
      self.indexes = indexes
      var query = SearchQuery()
      build(&query)
      self.query = query
    }
  }

  static let lansing = SearchQuery.Origin.point(latitude: 42.7325, longitude: -84.5555)

  static let shapes: [Shape] = [
    Shape("near a point within 25 km, nearest first", indexes: ["locations_earth"]) {
      $0.near = .init(origin: lansing, radius: 25)
      $0.sort = .distance
    },
    Shape("near a postal code within 10 miles, by score", indexes: ["locations_earth"]) {
      $0.near = .init(origin: .postalCode("48912"), radius: 10, unit: .miles)
    },
    Shape(
      "free text on names, by name",
      indexes: ["clinics_name_trgm", "practitioners_name_trgm"]
    ) {
      $0.text = "Lindqvist"
      $0.sort = .name
    },
    Shape(
      "routes (all of) and conditions (all of)",
      indexes: ["practice_profiles_conditions"]
    ) {
      $0.routes = [.intravenous, .atHome]
      $0.conditions = ["eating_disorders"]
    },
    Shape("insurance (any of)", indexes: ["practice_profiles_payers"]) {
      $0.insurance = ["tricare"]
      $0.telehealthState = "VT"
    },
    Shape("minimum score, no critical flags, by score", indexes: ["assessments_latest_score"]) {
      $0.minimumScore = 98
      $0.noCriticalFlags = true
    },
    Shape("postal code", indexes: ["locations_zip5"]) { $0.postalCode = "48912" },
    Shape("state and city", indexes: ["locations_state_city"]) {
      $0.state = "MI"
      $0.city = "Lansing"
      $0.minimumScore = 90
    },
    Shape(
      "everything a referral network asks at once",
      indexes: ["locations_earth"]
    ) {
      $0.near = .init(origin: .postalCode("48912"), radius: 25, unit: .miles)
      $0.routes = [.intravenous]
      $0.insurance = ["aetna"]
      $0.slidingScale = true
      $0.noCriticalFlags = true
      $0.acceptingNewPatients = true
      $0.sort = .distance
    },
  ]

  /// Seeds the directory once for the suite.
  static func seeded() async throws {
    try await MigratedDatabase.withConnection { connection in
      let count = try await connection.query("SELECT count(*) FROM locations").singleRow()!
        .decode(Int.self, at: 0)
      guard count == 0 else { return }
      let started = ContinuousClock.now
      let counts = try await SyntheticDirectory.seed(providers: providers, on: connection)
      print(
        "SearchPlanTests: seeded \(providers) providers in \(ContinuousClock.now - started): "
          + counts.steps.map(\.description).joined(separator: ", "))
    }
  }

  @Test("the seeder makes the providers it says", .timeLimit(.minutes(3)))
  func seededCounts() async throws {
    try await Self.seeded()
    try await MigratedDatabase.withConnection { connection in
      let row = try await connection.query(
        """
        SELECT (SELECT count(*) FROM clinics) + (SELECT count(*) FROM practitioners WHERE listed_solo),
               (SELECT count(*) FROM locations), (SELECT count(*) FROM practice_profiles),
               (SELECT count(*) FROM assessments WHERE superseded_at IS NULL)
        """
      ).singleRow()!
      let (providers, locations, profiles, assessments) = try row.decode((Int, Int, Int, Int).self)
      #expect(providers == Self.providers)
      #expect(locations == Self.providers)
      #expect(profiles == Self.providers)
      #expect((85_000...95_000).contains(assessments))
    }
  }

  @Test("each main search shape uses its index", .timeLimit(.minutes(3)), arguments: shapes)
  func usesIndexes(_ shape: Shape) async throws {
    try await Self.seeded()
    try await SearchDatabase.withSearch { search in
      let plan = try await search.explain(shape.query)
      for index in shape.indexes {
        #expect(plan.contains(index), "\(shape.label): \(index) not used:\n\(plan)")
      }
      // A radius search never reads every location.
      if shape.query.near != nil {
        #expect(!plan.contains("Seq Scan on locations"), "\(shape.label):\n\(plan)")
      }
      // And the search itself answers.
      _ = try await search.search(shape.query)
      if let path = ProcessInfo.processInfo.environment["VETTING_SEARCH_PLANS"] {
        let analyzed = try await search.explain(shape.query, analyze: true)
        let text = "### \(shape.label)\n\n```\n\(analyzed)\n```\n\n"
        let handle =
          FileHandle(forWritingAtPath: path)
          ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)!
          }()
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
      }
    }
  }
}
