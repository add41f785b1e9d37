import Foundation
import LibPQ

/// A small directory around Lansing, MI where every search's right answer is known by hand.
///
/// Distances from Lansing (42.7325, −84.5555): Birch 5.88 km, Cedar (Ann Arbor) 83.51 km (51.9 mi),
/// Dogwood (Detroit) 131.64 km, Elm (Chicago) 270.36 km. Gale has no location; Fir is archived; Quincy
/// Zephyrine is on Birch's team but not listed; Ivo Lone is neither listed nor affiliated.
///
/// | name | kind | place | routes | conditions | payers | sliding | telehealth | accepting | score | tier | flags |
/// |---|---|---|---|---|---|---|---|---|---|---|---|
/// | Alder Ketamine Clinic | clinic | Lansing 48912 | iv, im | depression, ptsd | aetna | | MI | yes | 92 | recommended | |
/// | Birch Wellness | clinic | East Lansing 48823 | iv, at_home | depression, anxiety | medicare | yes | MI, OH | | 75 | vetted | 1 minor |
/// | Casey Cedar | solo | Ann Arbor 48104 | oral_sublingual | ptsd | | yes | MI | yes | 60 | conditional | 1 major |
/// | Dogwood Infusions | clinic | Detroit 48201 | iv | depression, ocd | aetna, cigna | | | yes | 30 | not_vetted | 1 critical |
/// | Elm Clinic | clinic | Chicago IL 60601 | im | depression | | | | yes | — | — | |
/// | Gale Hollis | solo | — | at_home | anxiety | | | MI, IL | yes | 80 | vetted | |
/// | Fir Clinic (archived) | clinic | Lansing 48912 | iv | depression | | | | yes | 99 | recommended | |
struct KnownDirectory: Sendable {
  var ids: [String: UUID]

  func id(_ name: String) -> UUID { ids[name]! }

  /// The names of `ids`, in order.
  func names(_ hits: [UUID]) -> [String] {
    hits.map { hit in ids.first { $0.value == hit }?.key ?? "unknown \(hit)" }
  }

  static let lansing = (latitude: 42.7325, longitude: -84.5555)

  static func insert(on connection: Connection) async throws -> KnownDirectory {
    typealias P = SearchRows.Place
    let lansing = P(
      city: "Lansing", state: "MI", postalCode: "48912", latitude: 42.7325, longitude: -84.5555)
    var ids: [String: UUID] = [:]
    ids["Alder"] = try await SearchRows(
      kind: .clinic, name: "Alder Ketamine Clinic", places: [lansing],
      profile: .init(
        routes: ["iv", "im"], conditions: ["depression", "ptsd"], payers: ["aetna"],
        telehealthStates: ["MI"], accepting: true),
      score: .init(score: 92, tier: "recommended")
    ).insert(on: connection)
    ids["Birch"] = try await SearchRows(
      kind: .clinic, name: "Birch Wellness",
      places: [
        P(
          city: "East Lansing", state: "MI", postalCode: "48823", latitude: 42.7370,
          longitude: -84.4839)
      ],
      profile: .init(
        routes: ["iv", "at_home"], conditions: ["depression", "anxiety"], payers: ["medicare"],
        slidingScale: true, telehealthStates: ["MI", "OH"]),
      score: .init(score: 75, tier: "vetted", minor: 1)
    ).insert(on: connection)
    ids["Cedar"] = try await SearchRows(
      kind: .practitioner(solo: true), name: "Casey Cedar",
      places: [
        P(
          city: "Ann Arbor", state: "MI", postalCode: "48104-1234", latitude: 42.2808,
          longitude: -83.7430)
      ],
      profile: .init(
        routes: ["oral_sublingual"], conditions: ["ptsd"], slidingScale: true,
        telehealthStates: ["MI"], accepting: true),
      score: .init(score: 60, tier: "conditional", major: 1)
    ).insert(on: connection)
    ids["Dogwood"] = try await SearchRows(
      kind: .clinic, name: "Dogwood Infusions",
      places: [
        P(city: "Detroit", state: "MI", postalCode: "48201", latitude: 42.3314, longitude: -83.0458)
      ],
      profile: .init(
        routes: ["iv"], conditions: ["depression", "ocd"], payers: ["aetna", "cigna"],
        accepting: true),
      score: .init(score: 30, tier: "not_vetted", critical: 1)
    ).insert(on: connection)
    ids["Elm"] = try await SearchRows(
      kind: .clinic, name: "Elm Clinic",
      places: [
        P(city: "Chicago", state: "IL", postalCode: "60601", latitude: 41.8781, longitude: -87.6298)
      ],
      profile: .init(routes: ["im"], conditions: ["depression"], accepting: true)
    ).insert(on: connection)
    ids["Gale"] = try await SearchRows(
      kind: .practitioner(solo: true), name: "Gale Hollis",
      profile: .init(
        routes: ["at_home"], conditions: ["anxiety"], telehealthStates: ["MI", "IL"],
        accepting: true),
      score: .init(score: 80, tier: "vetted")
    ).insert(on: connection)
    ids["Fir"] = try await SearchRows(
      kind: .clinic, name: "Fir Clinic", places: [lansing],
      profile: .init(routes: ["iv"], conditions: ["depression"], accepting: true),
      score: .init(score: 99, tier: "recommended"), archived: true
    ).insert(on: connection)
    ids["Zephyrine"] = try await SearchRows(
      kind: .practitioner(solo: false), name: "Quincy Zephyrine", affiliatedWith: ids["Birch"]
    ).insert(on: connection)
    ids["Lone"] = try await SearchRows(
      kind: .practitioner(solo: false), name: "Ivo Lone", places: [lansing],
      score: .init(score: 88, tier: "vetted")
    ).insert(on: connection)
    return KnownDirectory(ids: ids)
  }
}
