import Foundation
import StoreTestSupport
import SwiftProtobuf
import Testing
import VettingAPI

/// The whole-directory report over the wire, on a directory seeded with known history. The suite
/// has one test so that its database holds exactly the seeded rows.
@Suite("Vetting report: whole directory, latest and as of a date", .migratedDatabase)
struct VettingReportTests {
  /// What one row should say.
  struct Expected: Equatable, CustomStringConvertible {
    var name: String
    var kind: Vetting_V1_ProviderKind
    var city: String
    var state: String
    var assessmentID: UUID?
    var tier: Vetting_V1_Tier = .unspecified
    var score: Int32 = 0
    var flags: [String] = []

    var description: String { "\(name) \(tier) \(score) \(flags)" }

    init(
      _ name: String, _ kind: Vetting_V1_ProviderKind, _ city: String, _ state: String,
      _ assessmentID: UUID?, _ tier: Vetting_V1_Tier = .unspecified, _ score: Int32 = 0,
      _ flags: [String] = []
    ) {
      self.name = name
      self.kind = kind
      self.city = city
      self.state = state
      self.assessmentID = assessmentID
      self.tier = tier
      self.score = score
      self.flags = flags
    }

    init(_ row: Vetting_V1_ReportRow) {
      self.init(
        row.name, row.kind, row.city, row.state,
        row.assessed ? UUID(uuidString: row.assessmentID) : nil, row.tier, row.score,
        row.flags.map(\.flagID))
    }
  }

  @Test("rows and summary match the seeded directory; as_of picks the assessment in force then")
  func wholeDirectory() async throws {
    let noIntegration = "integration.no-integration"
    let unlicensed = "licensure.unlicensed-practitioner"
    // Seeded history (days ago): see each line.
    let seeded = try await AuditSeed.with { seed in
      let aspen = try await seed.clinic("Aspen Clinic")
      try await seed.location(aspen, city: "Lansing", state: "MI", postalCode: "48912")
      let aspenOld = try await seed.assessment(
        aspen, at: AuditSeed.daysAgo(30), tier: "vetted", score: 75)
      let aspenNew = try await seed.assessment(
        aspen, at: AuditSeed.daysAgo(10), tier: "recommended", score: 90.5,
        areas: ["licensure": 95, "training": 85, "at-home-supervision": nil])

      let birch = try await seed.clinic("birch clinic")  // lower case: sorts case-insensitively
      try await seed.location(birch, city: "Columbus", state: "OH", postalCode: "43215")
      let birchOnly = try await seed.assessment(
        birch, at: AuditSeed.daysAgo(20), tier: "not_vetted", score: 40,
        flags: [unlicensed, noIntegration])

      let cedar = try await seed.clinic("Cedar Clinic")  // no location, never assessed
      _ = cedar

      let dana = try await seed.practitioner(given: "Dana", family: "Smith")
      try await seed.location(
        dana, city: "Reno", state: "NV", postalCode: "89501", primary: false)
      try await seed.location(dana, city: "Oakland", state: "CA", postalCode: "94612")
      let danaOnly = try await seed.assessment(
        dana, at: AuditSeed.daysAgo(5), tier: "conditional", score: 60, flags: [noIntegration])

      // A team practitioner is not a listed provider, whatever is stored for them.
      let team = try await seed.practitioner(given: "Eve", family: "Team", solo: false)
      try await seed.location(team, city: "Lansing", state: "MI", postalCode: "48912")
      try await seed.assessment(team, at: AuditSeed.daysAgo(5), tier: "vetted", score: 80)

      let fir = try await seed.clinic("Fir Clinic", archived: AuditSeed.daysAgo(15))
      try await seed.location(fir, city: "Denver", state: "CO", postalCode: "80202")
      let firOnly = try await seed.assessment(
        fir, at: AuditSeed.daysAgo(40), tier: "vetted", score: 80)

      let gum = try await seed.clinic("Gum Clinic", created: AuditSeed.daysAgo(3))
      try await seed.location(
        gum, city: "Austin", state: "TX", postalCode: "78701", created: AuditSeed.daysAgo(3))
      let gumOnly = try await seed.assessment(
        gum, at: AuditSeed.daysAgo(2), tier: "recommended", score: 100)
      return (aspenOld, aspenNew, birchOnly, danaOnly, firOnly, gumOnly)
    }
    let (aspenOld, aspenNew, birchOnly, danaOnly, firOnly, gumOnly) = seeded

    try await ServiceHarness.with { h in
      // Latest: Fir is archived, Eve is not listed; birch (a critical flag) is disqualified and
      // comes after every row without one.
      let latest = try await h.report(.init())
      #expect(
        latest.rows.map(Expected.init) == [
          Expected("Aspen Clinic", .clinic, "Lansing", "MI", aspenNew, .recommended, 90),
          Expected("Cedar Clinic", .clinic, "", "", nil),
          Expected(
            "Dana Smith", .practitioner, "Oakland", "CA", danaOnly, .conditional, 60,
            [noIntegration]),
          Expected("Gum Clinic", .clinic, "Austin", "TX", gumOnly, .recommended, 100),
          Expected(
            "birch clinic", .clinic, "Columbus", "OH", birchOnly, .notVetted, 40,
            [noIntegration, unlicensed]),
        ])
      #expect(latest.rows.map(\.disqualified) == [false, false, false, false, true])
      let aspen = try #require(latest.rows.first)
      #expect(aspen.postalCode == "48912")
      #expect(aspen.rubricVersion == "2026.1")
      #expect(
        aspen.areas.map { "\($0.area)=\($0.score)/\($0.applicable)" } == [
          "licensure=95/true", "training=85/true", "at-home-supervision=0/false",
        ])
      #expect(abs(aspen.assessedAt.date.timeIntervalSince(AuditSeed.daysAgo(10))) < 60)
      #expect(!aspen.hasDetail)
      let birch = latest.rows[4]
      #expect(birch.flags.map(\.severity) == [.major, .critical])

      let summary = latest.summary
      #expect(summary.providers == 5)
      #expect(summary.assessed == 4)
      #expect(summary.unassessed == 1)
      #expect(
        summary.tiers.map { "\($0.tier):\($0.count)" } == [
          "recommended:2", "vetted:0", "conditional:1", "incomplete:0", "notVetted:1",
        ])
      #expect(summary.scoreHistogram.map(\.min) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
      #expect(summary.scoreHistogram.map(\.max) == [9, 19, 29, 39, 49, 59, 69, 79, 89, 100])
      #expect(summary.scoreHistogram.map(\.count) == [0, 0, 0, 0, 1, 0, 1, 0, 0, 2])
      #expect(
        summary.flags.map { "\($0.flagID):\($0.count):\($0.severity)" } == [
          "\(noIntegration):2:major", "\(unlicensed):1:critical",
        ])
      #expect(summary.meanScore == 72.5)
      #expect(summary.currentRubricVersion == "2026.1")
      #expect(abs(summary.asOf.date.timeIntervalSinceNow) < 60)

      // As of 25 days ago: Aspen's older assessment, Fir still listed, Gum not yet created,
      // Birch and Dana not yet assessed.
      let asOf = AuditSeed.daysAgo(25)
      let past = try await h.report(.with { $0.asOf = Google_Protobuf_Timestamp(date: asOf) })
      #expect(
        past.rows.map(Expected.init) == [
          Expected("Aspen Clinic", .clinic, "Lansing", "MI", aspenOld, .vetted, 75),
          Expected("birch clinic", .clinic, "Columbus", "OH", nil),
          Expected("Cedar Clinic", .clinic, "", "", nil),
          Expected("Dana Smith", .practitioner, "Oakland", "CA", nil),
          Expected("Fir Clinic", .clinic, "Denver", "CO", firOnly, .vetted, 80),
        ])
      #expect(past.summary.providers == 5)
      #expect(past.summary.assessed == 2)
      #expect(past.summary.scoreHistogram.map(\.count) == [0, 0, 0, 0, 0, 0, 0, 1, 1, 0])  // 75, 80
      #expect(past.summary.flags.isEmpty)
      #expect(past.summary.meanScore == 77.5)
      #expect(abs(past.summary.asOf.date.timeIntervalSince(asOf)) < 0.001)

      // Between Aspen's two assessments and after Birch's: the older Aspen one still in force.
      let between = try await h.report(
        .with { $0.asOf = Google_Protobuf_Timestamp(date: AuditSeed.daysAgo(12)) })
      #expect(between.rows.first?.assessmentID == aspenOld.uuidString.lowercased())
      #expect(between.rows.last?.assessmentID == birchOnly.uuidString.lowercased())
      #expect(between.rows.map(\.name).contains("Fir Clinic") == false)
    }
  }
}
