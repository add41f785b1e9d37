import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite("SearchQuery validation names the field", .migratedDatabase)
struct SearchQueryValidationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var field: String
    var query: SearchQuery
    var testDescription: String { "\(field): \(query)" }

    init(_ field: String, _ build: (inout SearchQuery) -> Void) {
      self.field = field
      var query = SearchQuery()
      build(&query)
      self.query = query
    }
  }

  static let point = SearchQuery.Origin.point(latitude: 42.7, longitude: -84.5)

  static let invalid: [Case] = [
    Case("near.radius") { $0.near = .init(origin: point, radius: 0) },
    Case("near.radius") { $0.near = .init(origin: point, radius: -1) },
    Case("near.radius") { $0.near = .init(origin: point, radius: 500.01) },
    Case("near.radius") { $0.near = .init(origin: point, radius: 311, unit: .miles) },
    Case("near.radius") { $0.near = .init(origin: point, radius: .nan) },
    Case("near.radius") { $0.near = .init(origin: point, radius: .infinity) },
    Case("near.point.latitude") {
      $0.near = .init(origin: .point(latitude: 91, longitude: 0), radius: 1)
    },
    Case("near.point.longitude") {
      $0.near = .init(origin: .point(latitude: 0, longitude: -180.5), radius: 1)
    },
    Case("near.postal_code") { $0.near = .init(origin: .postalCode("4891"), radius: 1) },
    Case("page_size") { $0.pageSize = 101 },
    Case("page_size") { $0.pageSize = 100_000 },
    Case("page_size") { $0.pageSize = -1 },
    Case("state") { $0.state = "ZZ" },
    Case("state") { $0.state = "Michigan" },
    Case("telehealth_state") { $0.telehealthState = "XX" },
    Case("postal_code") { $0.postalCode = "ABCDE" },
    Case("postal_code") { $0.postalCode = "123456" },
    Case("min_score") { $0.minimumScore = 101 },
    Case("min_score") { $0.minimumScore = -1 },
    Case("conditions") { $0.conditions = ["Not A Slug"] },
    Case("insurance") { $0.insurance = ["aetna", "'; drop"] },
    Case("sort") { $0.sort = .distance },
    Case("text") { $0.text = String(repeating: "x", count: 201) },
    Case("text") { $0.text = "a b c d e f g h i" },
    Case("text") { $0.text = "nul\u{0}inside" },
    Case("city") { $0.city = "bad\u{0}city" },
    Case("page_token") { $0.pageToken = "not-a-token" },
  ]

  @Test("an invalid query is refused with invalidArgument naming its field", arguments: invalid)
  func refused(_ testCase: Case) async throws {
    try await SearchDatabase.withSearch { search in
      let error = try await #require(throws: StoreError.self) {
        try await search.search(testCase.query)
      }
      #expect(error.code == .invalidArgument)
      #expect(error.field == testCase.field)
      #expect(error.message.hasPrefix(testCase.field))
    }
  }

  static let valid: [Case] = [
    Case("page size 0 is the default") { $0.pageSize = 0 },
    Case("page size 100") { $0.pageSize = 100 },
    Case("radius 500 km") { $0.near = .init(origin: point, radius: 500) },
    Case("radius 310.6 miles") { $0.near = .init(origin: point, radius: 310.6, unit: .miles) },
    Case("state in lower case") { $0.state = "mi" },
    Case("blank text is no filter") { $0.text = "   " },
    Case("minimum score 100") { $0.minimumScore = 100 },
    Case("empty page token is the first page") { $0.pageToken = "" },
  ]

  @Test("boundary values are accepted", arguments: valid)
  func accepted(_ testCase: Case) async throws {
    try await SearchDatabase.withSearch { search in
      _ = try await search.search(testCase.query)
    }
  }

  @Test("tier and route names parse in either spelling; unknown ones name the field")
  func names() throws {
    #expect(try SearchQuery.tier(named: "not-vetted") == .notVetted)
    #expect(try SearchQuery.tier(named: "not_vetted") == .notVetted)
    #expect(try SearchQuery.tier(named: "Recommended") == .recommended)
    #expect(try SearchQuery.route(named: "oral_sublingual") == .lozengeInOffice)
    #expect(try SearchQuery.route(named: "at-home") == .atHome)
    let tier = #expect(throws: StoreError.self) { try SearchQuery.tier(named: "gold") }
    #expect(tier?.field == "tiers" && tier?.code == .invalidArgument)
    let route = #expect(throws: StoreError.self) { try SearchQuery.route(named: "oral") }
    #expect(route?.field == "routes")
  }

  @Test(
    "hostile search text returns normally and matches literally",
    arguments: [
      "'; DROP TABLE clinics; --", "O'Brien", "\"quoted\"", "%", "_", "%_%", "\\", "100%",
      "a_b", "$1", "); SELECT pg_sleep(10); --", "💊 ketamine", "‮reversed",
    ])
  func hostileText(_ text: String) async throws {
    let literal = "Hostile \(UUID().uuidString.prefix(6)) \(text)"
    let id = try await MigratedDatabase.withConnection {
      try await SearchRows(kind: .clinic, name: literal).insert(on: $0)
    }
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      query.text = text
      query.pageSize = 100
      query.city = text.contains("\u{0}") ? nil : text
      query.postalCode = nil
      // As a city, the text matches nothing and breaks nothing.
      #expect(try await search.search(query).hits.isEmpty)
      query.city = nil
      let hits = try await search.search(query).hits
      // The provider named with the text is found; % and _ are not wildcards.
      #expect(hits.contains { $0.providerID == id })
      if ["%", "_", "%_%", "\\"].contains(text) {
        #expect(hits.allSatisfy { $0.name.contains(text) }, "\(hits.map(\.name))")
      }
      let clinics = try await MigratedDatabase.withConnection {
        try await $0.query("SELECT count(*) FROM clinics").singleRow()!.decode(Int.self, at: 0)
      }
      #expect(clinics > 0)
    }
  }
}
