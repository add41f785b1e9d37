import Foundation
import GRPCCore
import StoreTestSupport
import SwiftProtobuf
import Testing
import VettingAPI

/// Changes between two instants over the wire. One data-writing test, so the comparison of the
/// whole directory is exactly the seeded history.
@Suite("Compare assessments over the wire", .migratedDatabase)
struct CompareAssessmentsTests {
  @Test("finds the seeded tier changes and flag gains and losses, and nothing else")
  func changes() async throws {
    let noIntegration = "integration.no-integration"
    let unlicensed = "licensure.unlicensed-practitioner"
    let opaque = "ethics.opaque-pricing"
    let ids = try await AuditSeed.with { seed in
      // Each: an assessment 30 days ago and one 10 days ago (days ago in the names below).
      let up = try await seed.clinic("Upgraded Clinic")
      try await seed.location(up, city: "Portland", state: "ME", postalCode: "04101")
      try await seed.assessment(up, at: AuditSeed.daysAgo(30), tier: "vetted", score: 75)
      try await seed.assessment(up, at: AuditSeed.daysAgo(10), tier: "recommended", score: 91)

      let down = try await seed.clinic("Downgraded Clinic")
      try await seed.assessment(down, at: AuditSeed.daysAgo(30), tier: "vetted", score: 75)
      try await seed.assessment(
        down, at: AuditSeed.daysAgo(10), tier: "not_vetted", score: 75, flags: [unlicensed])

      let swap = try await seed.practitioner(given: "Flag", family: "Swapper")
      try await seed.assessment(
        swap, at: AuditSeed.daysAgo(30), tier: "conditional", score: 60, flags: [noIntegration])
      try await seed.assessment(
        swap, at: AuditSeed.daysAgo(10), tier: "conditional", score: 62, flags: [opaque])

      // Re-assessed with the same tier and flags: not a change.
      let same = try await seed.clinic("Steady Clinic")
      try await seed.assessment(
        same, at: AuditSeed.daysAgo(30), tier: "vetted", score: 75, flags: [opaque])
      try await seed.assessment(
        same, at: AuditSeed.daysAgo(10), tier: "vetted", score: 79, flags: [opaque])

      let first = try await seed.clinic("New Clinic")
      try await seed.assessment(first, at: AuditSeed.daysAgo(10), tier: "vetted", score: 80)

      let never = try await seed.clinic("Never Assessed Clinic")
      _ = never
      return (up, down, swap, same, first)
    }
    let (up, down, swap, same, first) = ids

    try await ServiceHarness.with { h in
      let from = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(20))
      let result = try await h.compare(.with { $0.fromTime = from })
      #expect(
        result.changes.map(\.name) == [
          "Downgraded Clinic", "Flag Swapper", "New Clinic", "Upgraded Clinic",
        ])
      let byName = Dictionary(result.changes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
      let upgraded = try #require(byName["Upgraded Clinic"])
      #expect(upgraded.providerID == up.uuidString.lowercased())
      #expect(upgraded.tierChange == .upgraded)
      #expect(upgraded.fromAssessment.tier == .vetted)
      #expect(upgraded.toAssessment.tier == .recommended)
      #expect(upgraded.toAssessment.score == 91)
      #expect(upgraded.city == "Portland")
      #expect(upgraded.gainedFlags.isEmpty && upgraded.lostFlags.isEmpty)

      let downgraded = try #require(byName["Downgraded Clinic"])
      #expect(downgraded.providerID == down.uuidString.lowercased())
      #expect(downgraded.tierChange == .downgraded)
      #expect(downgraded.gainedFlags == [unlicensed])
      #expect(downgraded.lostFlags.isEmpty)

      let swapped = try #require(byName["Flag Swapper"])
      #expect(swapped.providerID == swap.uuidString.lowercased())
      #expect(swapped.kind == .practitioner)
      #expect(swapped.tierChange == .unchanged)
      #expect(swapped.gainedFlags == [opaque])
      #expect(swapped.lostFlags == [noIntegration])

      let new = try #require(byName["New Clinic"])
      #expect(new.providerID == first.uuidString.lowercased())
      #expect(new.tierChange == .firstAssessed)
      #expect(!new.hasFromAssessment)
      #expect(!result.changes.contains { $0.providerID == same.uuidString.lowercased() })

      let summary = result.summary
      #expect(summary.changes == 4)
      #expect(summary.upgraded == 1)
      #expect(summary.downgraded == 1)
      #expect(summary.firstAssessed == 1)
      #expect(summary.gainedFlag == 2)
      #expect(summary.lostFlag == 1)
      #expect(summary.fromTime == from)
      #expect(abs(summary.toTime.date.timeIntervalSinceNow) < 60)

      // An earlier window: everyone assessed 30 days ago was first assessed then.
      let early = try await h.compare(
        .with {
          $0.fromTime = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(40))
          $0.toTime = from
        })
      #expect(
        early.changes.map(\.name) == [
          "Downgraded Clinic", "Flag Swapper", "Steady Clinic", "Upgraded Clinic",
        ])
      #expect(early.changes.allSatisfy { $0.tierChange == .firstAssessed })
      #expect(early.summary.toTime == from)

      let practitioners = try await h.compare(
        .with {
          $0.fromTime = from
          $0.kind = .practitioner
        })
      #expect(practitioners.changes.map(\.name) == ["Flag Swapper"])
      let maine = try await h.compare(
        .with {
          $0.fromTime = from
          $0.state = "ME"
        })
      #expect(maine.changes.map(\.name) == ["Upgraded Clinic"])
    }
  }

  @Test(
    "missing or out-of-order instants are INVALID_ARGUMENT naming the field",
    arguments: [
      ("from_time", Vetting_V1_CompareAssessmentsRequest()),
      (
        "to_time",
        .with {
          $0.fromTime = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(1))
          $0.toTime = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(2))
        }
      ),
      (
        "from_time",
        .with { $0.fromTime = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(-1)) }
      ),
      (
        "state",
        .with {
          $0.fromTime = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(1))
          $0.state = "ZZ"
        }
      ),
      (
        "kind",
        .with {
          $0.fromTime = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(1))
          $0.kind = .UNRECOGNIZED(5)
        }
      ),
    ])
  func badRequest(field: String, request: Vetting_V1_CompareAssessmentsRequest) async throws {
    try await ServiceHarness.with { h in
      let error = await expectRPCError(.invalidArgument) { _ = try await h.compare(request) }
      #expect(error?.message.hasPrefix("\(field): ") == true, "\(String(describing: error))")
    }
  }
}
