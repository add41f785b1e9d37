import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore

@testable import VettingStore

/// Every search shape at 100,000 providers is an indexed scan of the listings read model
/// (migration 0010): its plan names the shape's index and reads neither `clinics`,
/// `practitioners` nor `locations`, and has no sequential scan at all. The directory is generated
/// in SQL by `SyntheticDirectory`; plans are read with `ProviderSearch.explain`, so the statements
/// checked are exactly the ones `search` runs. Set `VETTING_SEARCH_PLANS=<file>` to write the plans
/// (`EXPLAIN ANALYZE`) there, as docs/SEARCH.md shows them, and
/// `VETTING_SEARCH_TIMINGS=<file>` to write each shape's execution time over 40 runs, on the
/// listings and on the source tables (the statement before the read model), as docs/SEARCH.md
/// and docs/PERFORMANCE.md report them.
@Suite("Search plans at 100,000 providers use the indexes", .migratedDatabase, .serialized)
struct SearchPlanTests {
  static let providers = 100_000

  struct Shape: Sendable, CustomTestStringConvertible {
    var label: String
    var query: SearchQuery
    /// Every one of these must appear in the plan; `a|b` is satisfied by either index (the
    /// planner picks between equally good plans by statistics that ANALYZE samples at random).
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
    Shape("near a point within 25 km, nearest first", indexes: ["listing_places_earth"]) {
      $0.near = .init(origin: lansing, radius: 25)
      $0.sort = .distance
    },
    Shape("near a postal code within 10 miles, by score", indexes: ["listing_places_earth"]) {
      $0.near = .init(origin: .postalCode("48912"), radius: 10, unit: .miles)
    },
    // 3,453 hits: walking the names in order and checking each is as good as the trigram index.
    Shape(
      "free text on names, by name",
      indexes: ["listing_names_trgm|provider_listings_by_name"]
    ) {
      $0.text = "Lindqvist"
      $0.sort = .name
    },
    Shape(
      "routes (all of) and conditions (all of)",
      indexes: ["provider_listings_conditions"]
    ) {
      $0.routes = [.intravenous, .atHome]
      $0.conditions = ["eating_disorders"]
    },
    Shape("insurance (any of)", indexes: ["provider_listings_payers"]) {
      $0.insurance = ["tricare"]
      $0.telehealthState = "VT"
    },
    Shape("minimum score, no critical flags, by score", indexes: ["provider_listings_by_score"]) {
      $0.minimumScore = 98
      $0.noCriticalFlags = true
    },
    Shape("postal code", indexes: ["listing_places_zip5"]) { $0.postalCode = "48912" },
    Shape("state and city", indexes: ["listing_places_state_city"]) {
      $0.state = "MI"
      $0.city = "Lansing"
      $0.minimumScore = 90
    },
    Shape("no filter, by score", indexes: ["provider_listings_by_score"]) { _ in },
    Shape("no filter, by name", indexes: ["provider_listings_by_name"]) { $0.sort = .name },
    Shape(
      "everything a referral network asks at once",
      indexes: ["listing_places_earth"]
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
               (SELECT count(*) FROM assessments WHERE superseded_at IS NULL),
               (SELECT count(*) FROM provider_listings), (SELECT count(*) FROM listing_places)
        """
      ).singleRow()!
      let (providers, locations, profiles, assessments, listings, places) = try row.decode(
        (Int, Int, Int, Int, Int, Int).self)
      #expect(providers == Self.providers)
      // The seeder's writes filled the read model too, and it agrees with them.
      #expect(listings == Self.providers)
      #expect(places == Self.providers)
      #expect(try await ListingDrift.check(on: connection).isEmpty)
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
        let used = index.split(separator: "|").contains { plan.contains($0) }
        #expect(used, "\(shape.label): \(index) not used:\n\(plan)")
      }
      // Only the read model, and only through its indexes.
      #expect(!plan.contains("Seq Scan"), "\(shape.label):\n\(plan)")
      for table in ["clinics", "practitioners", "locations", "practice_profiles", "assessments"] {
        #expect(!plan.contains(" on \(table) "), "\(shape.label) reads \(table):\n\(plan)")
      }
      // And the search itself answers.
      _ = try await search.search(shape.query)
      if let path = ProcessInfo.processInfo.environment["VETTING_SEARCH_PLANS"] {
        let analyzed = try await search.explain(shape.query, analyze: true)
        let text = "### \(shape.label)\n\n```\n\(analyzed)\n```\n\n"
        Self.append(text, to: path)
      }
    }
  }

  /// With `VETTING_SEARCH_TIMINGS=<file>`: each shape's `EXPLAIN ANALYZE` execution time over 40
  /// runs (after 3 warm-up runs), on the listings and on the source tables, appended to the file
  /// as a Markdown table row: shape, then min / p50 / p99 / max in ms for each reading.
  @Test("execution times, listings against source tables", .timeLimit(.minutes(10)))
  func executionTimes() async throws {
    guard let path = ProcessInfo.processInfo.environment["VETTING_SEARCH_TIMINGS"] else { return }
    try await Self.seeded()
    let pool = ConnectionPool(
      configuration: try MigratedDatabase.current.configuration,
      options: .init(maximumConnections: 1))
    var lines = ""
    do {
      for shape in Self.shapes {
        var cells = [shape.label]
        for reading in [ProviderSearch.Reading.sourceTables, .listings] {
          let search = ProviderSearch(pool: pool, pageTokenKey: nil, reading: reading)
          var times: [Double] = []
          for run in 0..<43 {
            let plan = try await search.explain(shape.query, analyze: true)
            let time = try #require(Self.executionTime(plan), "no execution time:\n\(plan)")
            if run >= 3 { times.append(time) }
          }
          times.sort()
          let p99 = times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)]
          cells.append(
            [times[0], times[times.count / 2], p99, times[times.count - 1]]
              .map { String(format: "%.2f", $0) }.joined(separator: " / "))
        }
        lines += "| " + cells.joined(separator: " | ") + " |\n"
      }
      await pool.close()
    } catch {
      await pool.close()
      throw error
    }
    Self.append(lines, to: path)
  }

  /// Appends `text` to the file at `path`, creating it (where VETTING_SEARCH_* ask for figures).
  private static func append(_ text: String, to path: String) {
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

  /// The `Execution Time: 1.234 ms` of an `EXPLAIN ANALYZE`, in ms.
  static func executionTime(_ plan: String) -> Double? {
    guard let line = plan.split(separator: "\n").last(where: { $0.hasPrefix("Execution Time:") })
    else { return nil }
    return Double(line.dropFirst("Execution Time:".count).split(separator: " ").first ?? "")
  }
}
