import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingStore

/// Search on the listings read model returns what search on the source tables returned before
/// it (the statement is kept, for tests only, as `SourceSearchStatement`): for a fixed seeded
/// directory, every shape gives the same hits in the same order over every page, with the same
/// page tokens.
@Suite("Listings search equals source-table search", .migratedDatabase, .serialized)
struct SearchEquivalenceTests {
  static let providers = 1_000

  static func seeded() async throws {
    try await MigratedDatabase.withConnection { connection in
      let count = try await connection.query("SELECT count(*) FROM clinics").singleRow()!
        .decode(Int.self, at: 0)
      guard count == 0 else { return }
      try await SyntheticDirectory.seed(
        providers: providers, label: "equiv", seed: 0.17, on: connection)
    }
  }

  /// The seeded directory's most common ZIP (its locations' ZIPs are random within a metro).
  static func commonZIP() async throws -> String {
    try await MigratedDatabase.withConnection { connection in
      try await connection.query(
        "SELECT zip5 FROM locations GROUP BY zip5 ORDER BY count(*) DESC, zip5 LIMIT 1"
      ).singleRow()!.decode(String.self, at: 0)
    }
  }

  @Test("every shape, every page", .timeLimit(.minutes(5)), arguments: [0, 1])
  func sameHitsAndTokens(origin: Int) async throws {
    try await Self.seeded()
    let pool = ConnectionPool(
      configuration: try MigratedDatabase.current.configuration,
      options: .init(maximumConnections: 2))
    do {
      let zip = try await Self.commonZIP()
      let (label, point): (String, SearchQuery.Origin) =
        origin == 0
        ? ("Lansing", .point(latitude: 42.7325, longitude: -84.5555))
        : ("ZIP \(zip)", .postalCode(zip))
      var shapes = ReadingComparison.shapes(near: point, word: origin == 0 ? "Lindqvist" : "Cedar")
      var combined = SearchQuery()
      combined.pageSize = 5
      combined.near = .init(origin: point, radius: 25, unit: .miles)
      combined.routes = [.intravenous]
      combined.insurance = ["aetna"]
      combined.slidingScale = true
      combined.noCriticalFlags = true
      combined.acceptingNewPatients = true
      combined.sort = .distance
      shapes.append(("everything at once near \(label)", combined))
      var typo = SearchQuery()
      typo.text = "Harbr Wellnes"
      typo.pageSize = 9
      shapes.append(("two words with typos", typo))
      var postal = SearchQuery()
      postal.postalCode = zip
      shapes.append(("postal code", postal))
      let hits = try await ReadingComparison.expectSame(shapes, on: pool)
      #expect(hits > 1_000)
      await pool.close()
    } catch {
      await pool.close()
      throw error
    }
  }
}
