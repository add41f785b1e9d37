import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

@Suite("SearchProviders over the wire on a seeded set", .migratedDatabase)
struct SearchOverWireTests {
  struct Place {
    let name: String
    let latitude: Double
    let longitude: Double
    let postalCode: String
    let profile: Bool
  }

  /// Lansing is the centre; the others at known great-circle distances from it.
  static let places: [Place] = [
    Place(
      name: "Alpha Lansing", latitude: 42.7325, longitude: -84.5555, postalCode: "48912",
      profile: true),
    Place(
      name: "Bravo Grand Rapids", latitude: 42.9634, longitude: -85.6681, postalCode: "49503",
      profile: true),  // ~95 km
    Place(
      name: "Charlie Detroit", latitude: 42.3314, longitude: -83.0458, postalCode: "48226",
      profile: false),  // ~130 km
    Place(
      name: "Delta Chicago", latitude: 41.8781, longitude: -87.6298, postalCode: "60601",
      profile: false),  // ~270 km
    Place(
      name: "Echo Lansing East", latitude: 42.7370, longitude: -84.4839, postalCode: "48823",
      profile: false),  // ~6 km
  ]

  /// Seeds the places as clinics in a city name no other test uses; returns that city.
  static func seed(_ h: ServiceHarness) async throws -> (city: String, ids: [String: String]) {
    let city = "Qa" + UUID().uuidString.prefix(8).lowercased()
    var ids: [String: String] = [:]
    for place in places {
      var request = Fixtures.createClinic(place.name)
      request.locations = [
        .with {
          $0.addressLine1 = "1 Test Way"
          $0.city = city
          $0.state = "MI"
          $0.postalCode = place.postalCode
          $0.latitude = place.latitude
          $0.longitude = place.longitude
        }
      ]
      let clinic = try await h.admin.createClinic(request, metadata: h.metadata(.admin))
      ids[place.name] = clinic.id
      if place.profile {
        _ = try await h.admin.setPracticeProfile(
          .with {
            $0.providerID = clinic.id
            $0.profileJson = Fixtures.profileJSON
          }, metadata: h.metadata(.admin))
      }
    }
    return (city, ids)
  }

  static func names(_ response: Vetting_V1_SearchProvidersResponse) -> [String] {
    response.hits.map(\.name)
  }

  @Test("radius, route and sliding-scale filters, alone and combined")
  func filters() async throws {
    try await ServiceHarness.with { h in
      let (city, _) = try await Self.seed(h)
      let referral = h.metadata(.referral)
      func search(_ edit: (inout Vetting_V1_SearchProvidersRequest) -> Void) async throws
        -> [String]
      {
        var request = Vetting_V1_SearchProvidersRequest()
        request.city = city
        request.sort = .name
        edit(&request)
        return Self.names(try await h.directory.searchProviders(request, metadata: referral))
      }
      #expect(try await search { _ in } == Self.places.map(\.name).sorted())
      let lansing = Vetting_V1_GeoPoint.with {
        $0.latitude = 42.7325
        $0.longitude = -84.5555
      }
      #expect(
        try await search {
          $0.near = .with {
            $0.point = lansing
            $0.radius = 50
          }
        } == ["Alpha Lansing", "Echo Lansing East"])
      #expect(
        try await search {
          $0.near = .with {
            $0.point = lansing
            $0.radius = 150
          }
        } == ["Alpha Lansing", "Bravo Grand Rapids", "Charlie Detroit", "Echo Lansing East"])
      // 100 miles ≈ 161 km: Chicago (~270 km) stays outside.
      let byDistance = try await h.directory.searchProviders(
        .with {
          $0.city = city
          $0.sort = .distance
          $0.near = .with {
            $0.point = lansing
            $0.radius = 100
            $0.unit = .miles
          }
        }, metadata: referral)
      #expect(
        Self.names(byDistance) == [
          "Alpha Lansing", "Echo Lansing East", "Bravo Grand Rapids", "Charlie Detroit",
        ])
      let distances = byDistance.hits.map(\.distance)
      #expect(distances == distances.sorted())
      #expect(distances[0] < 0.1)
      #expect((50...70).contains(distances[2]), "Grand Rapids is ~59 miles away: \(distances)")

      #expect(
        try await search { $0.routes = [.atHome] } == ["Alpha Lansing", "Bravo Grand Rapids"])
      #expect(
        try await search { $0.slidingScale = true } == ["Alpha Lansing", "Bravo Grand Rapids"])
      #expect(
        try await search { $0.conditions = ["ptsd"] } == ["Alpha Lansing", "Bravo Grand Rapids"])
      #expect(
        try await search {
          $0.routes = [.atHome]
          $0.near = .with {
            $0.point = lansing
            $0.radius = 50
          }
        } == ["Alpha Lansing"])
      #expect(try await search { $0.routes = [.im] } == [])
      let hit = try #require(
        try await h.directory.searchProviders(
          .with {
            $0.city = city
            $0.text = "Bravo"
          }, metadata: referral
        ).hits.first)
      #expect(hit.kind == .clinic)
      #expect(hit.routes == [.iv, .atHome])
      #expect(hit.hasAssessment)
    }
  }

  @Test("paging by name: every provider once, in order, while rows are inserted")
  func paging() async throws {
    try await ServiceHarness.with { h in
      let (city, _) = try await Self.seed(h)
      var seen: [String] = []
      var token = ""
      var pages = 0
      repeat {
        let page = try await h.directory.searchProviders(
          .with {
            $0.city = city
            $0.sort = .name
            $0.pageSize = 2
            $0.pageToken = token
          }, metadata: h.metadata(.referral))
        seen += Self.names(page)
        token = page.nextPageToken
        pages += 1
        if pages == 1 {
          // A provider that sorts before the cursor appears on no later page; nothing repeats.
          var early = Fixtures.createClinic("Aardvark Clinic")
          early.locations[0].city = city
          _ = try await h.admin.createClinic(early, metadata: h.metadata(.admin))
        }
      } while !token.isEmpty && pages < 10
      #expect(seen == Self.places.map(\.name).sorted())
      #expect(pages == 3)
    }
  }
}
