import Foundation
import GRPCCore
import StoreTestSupport
import SwiftProtobuf
import Testing
import VettingAPI

/// Report filters, details and validation. Each test seeds providers in a state of its own and
/// filters on it, so tests running side by side never see each other's rows.
@Suite("Vetting report: filters, details, bad requests", .migratedDatabase)
struct VettingReportFilterTests {
  @Test("state, kind, tier and flag filters combine; the summary covers only the rows sent")
  func filters() async throws {
    let noIntegration = "integration.no-integration"
    let unlicensed = "licensure.unlicensed-practitioner"
    try await AuditSeed.with { seed in
      let now = Date()
      let alpha = try await seed.clinic("VT Alpha")
      try await seed.location(alpha, city: "Burlington", state: "VT", postalCode: "05401")
      try await seed.assessment(alpha, at: now, tier: "recommended", score: 92)
      let beta = try await seed.clinic("VT Beta")
      try await seed.location(beta, city: "Burlington", state: "VT", postalCode: "05401")
      try await seed.assessment(beta, at: now, tier: "not_vetted", score: 30, flags: [unlicensed])
      let gamma = try await seed.practitioner(given: "VT", family: "Gamma")
      try await seed.location(gamma, city: "Montpelier", state: "VT", postalCode: "05602")
      try await seed.assessment(
        gamma, at: now, tier: "conditional", score: 65, flags: [noIntegration])
      let delta = try await seed.clinic("VT Delta")  // never assessed
      try await seed.location(delta, city: "Montpelier", state: "VT", postalCode: "05602")
      // Elsewhere: never in these reports.
      let other = try await seed.clinic("VT Elsewhere")
      try await seed.location(other, city: "Lansing", state: "MI", postalCode: "48912")
      try await seed.assessment(other, at: now, tier: "recommended", score: 99)
    }
    try await ServiceHarness.with { h in
      let all = try await h.report(.with { $0.state = "VT" })
      // VT Beta has a critical flag: disqualified, after every row without one.
      #expect(all.rows.map(\.name) == ["VT Alpha", "VT Delta", "VT Gamma", "VT Beta"])
      #expect(all.rows.map(\.disqualified) == [false, false, false, true])
      #expect(all.rows.allSatisfy { $0.state == "VT" })
      #expect(all.summary.providers == 4)
      #expect(all.summary.unassessed == 1)

      let practitioners = try await h.report(
        .with {
          $0.state = "VT"
          $0.kind = .practitioner
        })
      #expect(practitioners.rows.map(\.name) == ["VT Gamma"])
      #expect(practitioners.summary.providers == 1)
      #expect(practitioners.summary.tiers.first { $0.tier == .conditional }?.count == 1)

      let tiers = try await h.report(
        .with {
          $0.state = "VT"
          $0.tiers = [.recommended, .notVetted]
        })
      #expect(tiers.rows.map(\.name) == ["VT Alpha", "VT Beta"])
      #expect(tiers.summary.assessed == 2)
      #expect(tiers.summary.unassessed == 0)

      let flagged = try await h.report(
        .with {
          $0.state = "VT"
          $0.flag = noIntegration
        })
      #expect(flagged.rows.map(\.name) == ["VT Gamma"])
      #expect(flagged.summary.flags.map(\.flagID) == [noIntegration])

      let admin = try await h.report(.with { $0.state = "VT" }, as: .admin)
      #expect(admin.rows.count == 4)
    }
  }

  @Test("a state filter shows the provider's location in that state, primary or not")
  func locationInState() async throws {
    try await AuditSeed.with { seed in
      let clinic = try await seed.clinic("Two State Clinic")
      try await seed.location(clinic, city: "Fargo", state: "ND", postalCode: "58102")
      try await seed.location(
        clinic, city: "Sioux Falls", state: "SD", postalCode: "57104", primary: false)
    }
    try await ServiceHarness.with { h in
      let south = try await h.report(.with { $0.state = "SD" })
      #expect(
        south.rows.map { "\($0.name) \($0.city) \($0.state)" } == [
          "Two State Clinic Sioux Falls SD"
        ])
      let north = try await h.report(.with { $0.state = "ND" })
      #expect(north.rows.map(\.city) == ["Fargo"])
    }
  }

  @Test("include_details carries every criterion and flag reason of assessments made by the engine")
  func details() async throws {
    try await ServiceHarness.with { h in
      var request = Fixtures.createClinic("Wyoming Details Clinic")
      request.locations[0].state = "WY"
      request.locations[0].city = "Cheyenne"
      request.locations[0].postalCode = "82001"
      let clinic = try await h.admin.createClinic(request, metadata: h.metadata(.admin))
      let plain = try await h.report(.with { $0.state = "WY" })
      #expect(plain.rows.map(\.providerID) == [clinic.id])
      #expect(plain.rows.allSatisfy { !$0.hasDetail })

      let detailed = try await h.report(
        .with {
          $0.state = "WY"
          $0.includeDetails = true
        })
      let row = try #require(detailed.rows.first)
      #expect(row.hasDetail)
      #expect(row.detail.id == row.assessmentID)
      #expect(row.detail.tier == row.tier)
      #expect(!row.detail.criteria.isEmpty)
      #expect(row.detail.criteria.allSatisfy { !$0.reason.isEmpty })
      #expect(row.flags.map(\.flagID) == row.detail.flags.map(\.flagID).sorted())
      #expect(row.flags.allSatisfy { !$0.reason.isEmpty && $0.severity != .unspecified })
      #expect(detailed.summary.providers == plain.summary.providers)
      #expect(detailed.summary.tiers == plain.summary.tiers)
      let latest = try await h.directory.getAssessment(
        .with { $0.providerID = clinic.id }, metadata: h.metadata(.auditor))
      #expect(row.detail.criteria == latest.criteria)
    }
  }

  @Test(
    "bad filters are INVALID_ARGUMENT naming the field",
    arguments: [
      ("state", Vetting_V1_RunVettingReportRequest.with { $0.state = "XX" }),
      ("flag", .with { $0.flag = "integration.no-such-flag" }),
      ("tiers[1]", .with { $0.tiers = [.vetted, .UNRECOGNIZED(42)] }),
      ("tiers[0]", .with { $0.tiers = [.unspecified] }),
      ("kind", .with { $0.kind = .UNRECOGNIZED(9) }),
      (
        "as_of",
        .with {
          $0.asOf = .with {
            $0.seconds = 0
            $0.nanos = -1
          }
        }
      ),
    ])
  func badRequest(field: String, request: Vetting_V1_RunVettingReportRequest) async throws {
    try await ServiceHarness.with { h in
      let error = await expectRPCError(.invalidArgument) {
        _ = try await h.audit.runVettingReport(request, metadata: h.metadata(.auditor)) {
          try await $0.messages.reduce(0) { count, _ in count + 1 }
        }
      }
      #expect(error?.message.hasPrefix("\(field): ") == true, "\(String(describing: error))")
    }
  }
}
