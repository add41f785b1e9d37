import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite("ProviderSearch filters on a directory with known answers", .migratedDatabase)
struct ProviderSearchFilterTests {
  /// A named query and the providers it must find, in any order.
  struct Case: Sendable, CustomTestStringConvertible {
    var label: String
    var query: SearchQuery
    var expected: Set<String>
    var testDescription: String { label }

    init(_ label: String, _ expected: Set<String>, _ build: (inout SearchQuery) -> Void) {
      self.label = label
      self.expected = expected
      var query = SearchQuery()
      query.pageSize = 100
      build(&query)
      self.query = query
    }
  }

  static let lansing = SearchQuery.Origin.point(
    latitude: KnownDirectory.lansing.latitude, longitude: KnownDirectory.lansing.longitude)

  static let cases: [Case] = [
    Case(
      "no filter: every listed, unarchived provider",
      ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Gale"]
    ) { _ in },
    // Free text.
    Case("text matches a clinic name, any case", ["Alder"]) { $0.text = "aLdEr" },
    Case("text matches a solo practitioner", ["Cedar"]) { $0.text = "Casey Cedar" },
    Case("text matches a clinic through its team", ["Birch"]) { $0.text = "Zephyrine" },
    Case("text with a typo matches by trigram similarity", ["Dogwood"]) {
      $0.text = "Dogwod Infusions"
    },
    Case("text never finds an archived clinic", []) { $0.text = "Fir Clinic" },
    Case("text never finds an unlisted practitioner", []) { $0.text = "Ivo Lone" },
    // Location.
    Case("state, case-insensitive", ["Alder", "Birch", "Cedar", "Dogwood"]) { $0.state = "mi" },
    Case("state IL", ["Elm"]) { $0.state = "IL" },
    Case("city, case-insensitive", ["Birch"]) { $0.city = "EAST LANSING" },
    Case("postal code (ZIP+4 matches on its ZIP5)", ["Cedar"]) { $0.postalCode = "48104" },
    Case("postal code given as ZIP+4", ["Cedar"]) { $0.postalCode = "48104-9999" },
    Case("within 10 km", ["Alder", "Birch"]) { $0.near = .init(origin: lansing, radius: 10) },
    Case("within 5 km", ["Alder"]) { $0.near = .init(origin: lansing, radius: 5) },
    Case("within 84 km (Cedar at 83.51)", ["Alder", "Birch", "Cedar"]) {
      $0.near = .init(origin: lansing, radius: 84)
    },
    Case("within 83 km (Cedar just outside)", ["Alder", "Birch"]) {
      $0.near = .init(origin: lansing, radius: 83)
    },
    Case("within 52 miles (Cedar at 51.89 mi)", ["Alder", "Birch", "Cedar"]) {
      $0.near = .init(origin: lansing, radius: 52, unit: .miles)
    },
    Case("within 51.5 miles", ["Alder", "Birch"]) {
      $0.near = .init(origin: lansing, radius: 51.5, unit: .miles)
    },
    Case("within 500 km", ["Alder", "Birch", "Cedar", "Dogwood", "Elm"]) {
      $0.near = .init(origin: lansing, radius: 500)
    },
    Case("near a postal code: its point in the ZIP centroid table", ["Alder", "Birch"]) {
      $0.near = .init(origin: .postalCode("48912"), radius: 10)
    },
    Case("near and state must hold for the same location", ["Alder", "Birch", "Cedar", "Dogwood"]) {
      $0.near = .init(origin: lansing, radius: 500)
      $0.state = "MI"
    },
    // Practice profile.
    Case("one route", ["Alder", "Birch", "Dogwood"]) { $0.routes = [.intravenous] },
    Case("all of two routes", ["Alder"]) { $0.routes = [.intravenous, .intramuscular] },
    Case("lozenge route", ["Cedar"]) { $0.routes = [.lozengeInOffice] },
    Case("at-home route", ["Birch", "Gale"]) { $0.routes = [.atHome] },
    Case("one condition", ["Alder", "Birch", "Dogwood", "Elm"]) { $0.conditions = ["depression"] },
    Case("all of two conditions", ["Alder"]) { $0.conditions = ["depression", "ptsd"] },
    Case("any of the payers", ["Alder", "Dogwood"]) { $0.insurance = ["aetna", "humana"] },
    Case("sliding scale", ["Birch", "Cedar"]) { $0.slidingScale = true },
    Case("payer or sliding scale", ["Birch", "Cedar", "Dogwood"]) {
      $0.insurance = ["cigna"]
      $0.slidingScale = true
    },
    Case("telehealth state", ["Birch"]) { $0.telehealthState = "oh" },
    Case("telehealth state IL", ["Gale"]) { $0.telehealthState = "IL" },
    Case("accepting new patients", ["Alder", "Cedar", "Dogwood", "Elm", "Gale"]) {
      $0.acceptingNewPatients = true
    },
    // Latest assessment.
    Case("minimum score", ["Alder", "Gale", "Birch"]) { $0.minimumScore = 75 },
    Case(
      "minimum score 0 still needs an assessment", ["Alder", "Birch", "Cedar", "Dogwood", "Gale"]
    ) {
      $0.minimumScore = 0
    },
    Case("one tier", ["Birch", "Gale"]) { $0.tiers = [.vetted] },
    Case("any of two tiers", ["Alder", "Cedar"]) { $0.tiers = [.recommended, .conditional] },
    Case("not-vetted tier", ["Dogwood"]) { $0.tiers = [.notVetted] },
    Case("no critical flags", ["Alder", "Birch", "Cedar", "Gale"]) { $0.noCriticalFlags = true },
    Case("no major flags", ["Alder", "Birch", "Dogwood", "Gale"]) { $0.noMajorFlags = true },
    Case("no critical and no major flags", ["Alder", "Birch", "Gale"]) {
      $0.noCriticalFlags = true
      $0.noMajorFlags = true
    },
    // Kind.
    Case("clinics only", ["Alder", "Birch", "Dogwood", "Elm"]) { $0.kind = .clinic },
    Case("solo practitioners only", ["Cedar", "Gale"]) { $0.kind = .practitioner },
    // Combined.
    Case("near + route + no critical flags", ["Alder", "Birch"]) {
      $0.near = .init(origin: lansing, radius: 200)
      $0.routes = [.intravenous]
      $0.noCriticalFlags = true
    },
    Case("state + accepting + minimum score", ["Alder", "Cedar"]) {
      $0.state = "MI"
      $0.acceptingNewPatients = true
      $0.minimumScore = 50
    },
    Case("telehealth MI + practitioners + tier", ["Gale"]) {
      $0.telehealthState = "MI"
      $0.kind = .practitioner
      $0.tiers = [.vetted, .recommended]
    },
    Case("text + condition that exclude each other", []) {
      $0.text = "Alder"
      $0.conditions = ["ocd"]
    },
    Case("near + payer or sliding + accepting", ["Cedar", "Dogwood"]) {
      $0.near = .init(origin: lansing, radius: 150)
      $0.insurance = ["aetna"]
      $0.slidingScale = true
      $0.acceptingNewPatients = true
      $0.noMajorFlags = false
      $0.minimumScore = 1
      $0.tiers = [.conditional, .notVetted]
    },
  ]

  @Test("each filter alone and combined finds exactly the known providers", arguments: cases)
  func filters(_ testCase: Case) async throws {
    let directory = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch { search in
      let page = try await search.search(testCase.query)
      #expect(Set(directory.names(page.hits.map(\.providerID))) == testCase.expected)
      #expect(page.nextPageToken == nil)
    }
  }

  @Test("a hit carries its location, distance in the query's unit, score, tier and flags")
  func hitContents() async throws {
    let directory = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      query.near = .init(origin: Self.lansing, radius: 60, unit: .miles)
      query.sort = .distance
      let hits = try await search.search(query).hits
      #expect(directory.names(hits.map(\.providerID)) == ["Alder", "Birch", "Cedar"])
      let birch = try #require(hits.first { $0.providerID == directory.id("Birch") })
      #expect(birch.kind == .clinic)
      #expect(birch.name == "Birch Wellness")
      #expect(birch.city == "East Lansing" && birch.state == "MI" && birch.postalCode == "48823")
      #expect(abs(try #require(birch.distance) - 5.88 / 1.609344) < 0.01)
      #expect(birch.routes == [.intravenous, .atHome])
      #expect(!birch.acceptingNewPatients)
      let assessment = try #require(birch.assessment)
      #expect(assessment.score == 75)
      #expect(assessment.tier == .vetted)
      #expect(assessment.rubricVersion == "2026.1")
      #expect(
        assessment.criticalFlags == 0 && assessment.majorFlags == 0 && assessment.minorFlags == 1)
      let cedar = try #require(hits.first { $0.providerID == directory.id("Cedar") })
      #expect(cedar.kind == .practitioner)
      #expect(cedar.postalCode == "48104-1234")
      #expect(abs(try #require(cedar.distance) - 83.51 / 1.609344) < 0.01)
      #expect(cedar.assessment?.tier == .conditional && cedar.assessment?.majorFlags == 1)

      query.near = .init(origin: Self.lansing, radius: 100, unit: .kilometers)
      let inKilometres = try await search.search(query).hits
      #expect(
        abs((inKilometres.first { $0.providerID == directory.id("Cedar") }?.distance ?? 0) - 83.51)
          < 0.01)
    }
  }

  @Test("a provider without location or assessment is still listed, with nil fields")
  func missingParts() async throws {
    let directory = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      query.text = "Gale Hollis"
      let gale = try #require(try await search.search(query).hits.first)
      #expect(gale.providerID == directory.id("Gale"))
      #expect(
        gale.city == nil && gale.state == nil && gale.postalCode == nil && gale.distance == nil)
      #expect(gale.assessment?.score == 80)
      query.text = "Elm Clinic"
      let elm = try #require(try await search.search(query).hits.first)
      #expect(elm.assessment == nil)
      #expect(elm.city == "Chicago")
    }
  }

  @Test("an unknown ZIP for near is refused naming near.postal_code")
  func unknownPostalCode() async throws {
    _ = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      // Not a ZIP code (not in zip_centroids), and no location of the directory has it.
      query.near = .init(origin: .postalCode("99999"), radius: 10)
      let error = try await #require(throws: StoreError.self) { try await search.search(query) }
      #expect(error.code == .invalidArgument)
      #expect(error.field == "near.postal_code")
    }
  }
}
