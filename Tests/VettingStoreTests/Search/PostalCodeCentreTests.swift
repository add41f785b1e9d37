import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingStore

/// `near.postal_code` is centred on the ZIP centroid table (migration 0011), whether or not the
/// directory has a location in the ZIP; a ZIP the table lacks falls back to the directory's own
/// locations; a ZIP neither knows is refused naming the field.
@Suite("Postal-code centres from the ZIP centroid table", .migratedDatabase)
struct PostalCodeCentreTests {
  /// The table's row for `zip5`, read from the database (not a copy of the data).
  static func tableRow(_ zip5: String) async throws -> (latitude: Double, longitude: Double)? {
    try await MigratedDatabase.withConnection { connection in
      try await connection.query(
        "SELECT latitude, longitude FROM zip_centroids WHERE zip5 = $1", [zip5]
      ).singleRow().map { try $0.decode((Double, Double).self) }
    }
  }

  static func locations(in zip5: String) async throws -> Int {
    try await MigratedDatabase.withConnection { connection in
      try await connection.query("SELECT count(*) FROM locations WHERE zip5 = $1", [zip5])
        .singleRow()!.decode(Int.self, at: 0)
    }
  }

  @Test("the table holds every US ZIP code, each once, with a point in range")
  func tableIsLoaded() async throws {
    let (rows, sources, outOfRange) = try await MigratedDatabase.withConnection { connection in
      try await connection.query(
        """
        SELECT count(*), array_agg(DISTINCT source ORDER BY source),
               count(*) FILTER (WHERE latitude NOT BETWEEN -15 AND 72
                                   OR longitude BETWEEN -64 AND 130)
          FROM zip_centroids
        """
      ).singleRow()!.decode((Int, [String], Int).self)
    }
    #expect((40_000...45_000).contains(rows), "\(rows) ZIP codes")
    #expect(sources == ["zcta", "zip2info"])
    // From American Samoa (14° S) to the Arctic, and from the Virgin Islands (64.6° W) west
    // across the 180th meridian (the outer Aleutians, Wake, Guam) to Palau (134° E).
    #expect(outOfRange == 0, "points outside the US and its territories")
  }

  @Test("a ZIP where the directory has no location is centred on the table's point")
  func zipWithoutProviders() async throws {
    let directory = try await KnownDirectoryCache.current()
    // Downtown Lansing: the ZIP `ops/run` suggests; none of the known providers is in it.
    #expect(try await Self.locations(in: "48933") == 0)
    let expected = try #require(try await Self.tableRow("48933"))
    try await SearchDatabase.withSearch { search in
      let centre = try await search.centre(ofPostalCode: "48933-1234")
      #expect(
        centre
          == PostalCodeCentre(
            zip5: "48933", latitude: expected.latitude, longitude: expected.longitude,
            source: .zipCentroids))

      var query = SearchQuery()
      query.near = .init(origin: .postalCode("48933"), radius: 10)
      query.sort = .distance
      let hits = try await search.search(query).hits
      #expect(directory.names(hits.map(\.providerID)) == ["Alder", "Birch"])
      // Each hit's distance is the great-circle distance from the table's point to its location.
      for hit in hits {
        let metres = try await MigratedDatabase.withConnection { connection in
          try await connection.query(
            """
            SELECT earth_distance(ll_to_earth($1, $2), ll_to_earth(latitude, longitude))
              FROM locations WHERE provider_id = $3
            """, [expected.latitude, expected.longitude, hit.providerID]
          ).singleRow()!.decode(Double.self, at: 0)
        }
        let distance = try #require(hit.distance)
        #expect(abs(distance - metres / 1000) < 1e-6, "\(hit.name): \(distance) km")
      }
    }
  }

  @Test("a ZIP the table lacks but the directory has is centred on its locations")
  func zipOnlyInTheDirectory() async throws {
    _ = try await KnownDirectoryCache.current()
    // 00001 is well formed but no US ZIP code; a provider was given it anyway.
    #expect(try await Self.tableRow("00001") == nil)
    let places = [(45.00, -100.00), (45.02, -100.04)].map {
      SearchRows.Place(
        city: "Nowhere", state: "SD", postalCode: "00001", latitude: $0.0, longitude: $0.1)
    }
    let id = try await MigratedDatabase.withConnection { connection in
      try await SearchRows(kind: .clinic, name: "Zeta Placeholder Clinic", places: places)
        .insert(on: connection)
    }
    try await SearchDatabase.withSearch { search in
      let centre = try await search.centre(ofPostalCode: "00001")
      #expect(centre.source == .directoryLocations)
      #expect(abs(centre.latitude - 45.01) < 1e-9 && abs(centre.longitude + 100.02) < 1e-9)
      var query = SearchQuery()
      query.near = .init(origin: .postalCode("00001"), radius: 8)
      query.text = "Zeta Placeholder"
      #expect(try await search.search(query).hits.map(\.providerID) == [id])
    }
  }

  @Test("a well-formed ZIP that neither the table nor the directory knows is refused, naming it")
  func unknownZip() async throws {
    _ = try await KnownDirectoryCache.current()
    #expect(try await Self.tableRow("00000") == nil)
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      query.near = .init(origin: .postalCode("00000"), radius: 10)
      let error = try await #require(throws: StoreError.self) { try await search.search(query) }
      #expect(error.code == .invalidArgument)
      #expect(error.field == "near.postal_code")
      #expect(error.message.hasPrefix("near.postal_code: 00000 is not a US ZIP code"))
      let direct = try await #require(throws: StoreError.self) {
        try await search.centre(ofPostalCode: "00000")
      }
      #expect(direct.field == "near.postal_code")
      let malformed = try await #require(throws: StoreError.self) {
        try await search.centre(ofPostalCode: "4893")
      }
      #expect(malformed.field == "near.postal_code")
    }
  }
}
