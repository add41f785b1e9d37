import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI
import VettingCore

/// The re-review schedule over the wire. The listing covers the whole directory, so the suite's
/// only data-writing test seeds everything the listing is compared against.
@Suite("Due for review over the wire", .migratedDatabase)
struct DueForReviewTests {
  struct Seeded {
    var ann: UUID, kite: UUID, maple: UUID
    var staleLicense: UUID, neverVerified: UUID, expiringLicense: UUID, certificate: UUID
    var evidenceSoon: UUID, evidenceExpired: UUID, evidenceLater: UUID, outdated: UUID
  }

  static func seed() async throws -> Seeded {
    try await AuditSeed.with { seed in
      let ann = try await seed.practitioner(
        given: "Ann", family: "Due", npi: AuditSeed.randomNPI(),
        npiCheckedAt: AuditSeed.daysAgo(40))
      let staleLicense = try await seed.license(
        ann, number: "L-100", verified: AuditSeed.daysAgo(100))
      try await seed.license(ann, number: "L-200", verified: AuditSeed.daysAgo(10))
      let neverVerified = try await seed.license(ann, number: "L-300")
      try await seed.license(ann, number: "L-400", archived: AuditSeed.daysAgo(1))
      let expiringLicense = try await seed.license(
        ann, number: "L-500", verified: AuditSeed.daysAgo(5), expires: AuditSeed.daysAgo(-10))
      let certificate = try await seed.training(ann, expires: AuditSeed.daysAgo(-20))
      try await seed.training(ann, expires: AuditSeed.daysAgo(-5), status: "withdrawn")

      // Archived: nothing of theirs is due.
      let bob = try await seed.practitioner(
        given: "Bob", family: "Archived", archived: AuditSeed.daysAgo(2),
        npi: AuditSeed.randomNPI())
      try await seed.license(bob, number: "B-1")
      // Checked recently, or no NPI at all.
      _ = try await seed.practitioner(
        given: "Cy", family: "Fresh", npi: AuditSeed.randomNPI(),
        npiCheckedAt: AuditSeed.daysAgo(5))
      _ = try await seed.practitioner(given: "Di", family: "NoNPI")

      let kite = try await seed.clinic("Kite Clinic", npi: AuditSeed.randomNPI())
      let evidenceSoon = try await seed.evidence(kite, expires: AuditSeed.daysAgo(-10))
      let evidenceLater = try await seed.evidence(
        kite, fact: "screening.psychiatric_evaluation", expires: AuditSeed.daysAgo(-60))
      let evidenceExpired = try await seed.evidence(
        kite, fact: "licensure.board_letter", expires: AuditSeed.daysAgo(5))
      try await seed.evidence(
        kite, fact: "screening.vitals", expires: AuditSeed.daysAgo(-3),
        archived: AuditSeed.daysAgo(1))
      try await seed.evidence(kite, fact: "screening.consent", expires: nil)

      let maple = try await seed.clinic("Maple Clinic")
      let outdated = try await seed.assessment(
        maple, at: AuditSeed.daysAgo(3), tier: "vetted", score: 80, rubric: "2025.1")
      let nut = try await seed.clinic("Nut Clinic")
      try await seed.assessment(
        nut, at: AuditSeed.daysAgo(9), tier: "vetted", score: 80, rubric: "2025.1")
      try await seed.assessment(nut, at: AuditSeed.daysAgo(3), tier: "vetted", score: 80)
      let oak = try await seed.clinic("Oak Archived", archived: AuditSeed.daysAgo(1))
      try await seed.assessment(
        oak, at: AuditSeed.daysAgo(3), tier: "vetted", score: 80, rubric: "2025.1")
      try await seed.evidence(oak, expires: AuditSeed.daysAgo(-2))
      return Seeded(
        ann: ann, kite: kite, maple: maple, staleLicense: staleLicense,
        neverVerified: neverVerified, expiringLicense: expiringLicense, certificate: certificate,
        evidenceSoon: evidenceSoon, evidenceExpired: evidenceExpired,
        evidenceLater: evidenceLater, outdated: outdated)
    }
  }

  static func key(_ item: Vetting_V1_DueItem) -> String {
    "\(item.reason) \(item.entityID)"
  }

  static func key(_ reason: Vetting_V1_DueReason, _ id: UUID) -> String {
    "\(reason) \(id.uuidString.lowercased())"
  }

  @Test("finds exactly the seeded stale licenses, NPIs, expiring evidence and old assessments")
  func schedule() async throws {
    let s = try await Self.seed()
    try await ServiceHarness.with { h in
      let items = try await h.due(.init())
      #expect(
        items.map(Self.key) == [
          Self.key(.licenseNotVerified, s.staleLicense),
          Self.key(.licenseNotVerified, s.neverVerified),
          Self.key(.npiNotChecked, s.ann),
          Self.key(.npiNotChecked, s.kite),
          Self.key(.evidenceExpiring, s.evidenceExpired),
          Self.key(.evidenceExpiring, s.evidenceSoon),
          Self.key(.outdatedRubric, s.outdated),
          Self.key(.licenseExpiring, s.expiringLicense),
          Self.key(.certificateExpiring, s.certificate),
        ])
      let byEntity = Dictionary(items.map { ($0.entityID, $0) }, uniquingKeysWith: { a, _ in a })
      func item(_ id: UUID) throws -> Vetting_V1_DueItem {
        try #require(byEntity[id.uuidString.lowercased()])
      }

      let stale = try item(s.staleLicense)
      #expect(stale.providerID == s.ann.uuidString.lowercased())
      #expect(stale.providerKind == .practitioner)
      #expect(stale.providerName == "Ann Due")
      #expect(stale.entityType == "license")
      #expect(stale.detail.contains("MI LCSW license L-100"))
      #expect(stale.detail.contains("100 days ago"))
      #expect(stale.detail.contains("every 90 days"))
      #expect(stale.hasLastCheckedAt)
      #expect(stale.dueOn == Self.day(AuditSeed.daysAgo(10)))

      let never = try item(s.neverVerified)
      #expect(never.detail.contains("never verified"))
      #expect(!never.hasLastCheckedAt)
      #expect(!never.hasDueOn)

      let npi = try item(s.ann)
      #expect(npi.detail.contains("40 days ago"))
      #expect(npi.detail.contains("every 30 days"))
      #expect(try item(s.kite).detail.contains("never checked"))
      #expect(try item(s.kite).providerKind == .clinic)

      #expect(try item(s.evidenceSoon).detail.contains("in 10 days"))
      #expect(try item(s.evidenceSoon).entityType == "evidence_item")
      #expect(try item(s.evidenceSoon).providerName == "Kite Clinic")
      #expect(try item(s.evidenceExpired).detail.contains("expired on"))
      #expect(try item(s.evidenceExpired).detail.contains("5 days ago"))
      #expect(try item(s.evidenceExpired).dueOn == Self.day(AuditSeed.daysAgo(5)))

      let outdated = try item(s.outdated)
      #expect(outdated.rubricVersion == "2025.1")
      #expect(outdated.providerID == s.maple.uuidString.lowercased())
      #expect(outdated.detail.contains("2026.1"))
      #expect(try item(s.certificate).entityType == "training")

      // A wider window adds the evidence expiring in 60 days; one reason filters the rest.
      let wider = try await h.due(.with { $0.withinDays = 90 })
      #expect(
        wider.filter { $0.reason == .evidenceExpiring }.map(\.entityID)
          == [
            s.evidenceExpired, s.evidenceLater, s.evidenceSoon,
          ].map { $0.uuidString.lowercased() })
      let npis = try await h.due(.with { $0.reasons = [.npiNotChecked] })
      #expect(
        npis.map(Self.key) == [Self.key(.npiNotChecked, s.ann), Self.key(.npiNotChecked, s.kite)])
    }
  }

  static func day(_ date: Date) -> Vetting_V1_Day {
    let day = Day(date)
    return .with {
      $0.year = Int32(day.year)
      $0.month = Int32(day.month)
      $0.day = Int32(day.day)
    }
  }

  @Test(
    "a bad window or reason is INVALID_ARGUMENT naming the field",
    arguments: [
      ("within_days", Vetting_V1_ListDueForReviewRequest.with { $0.withinDays = 3651 }),
      ("within_days", .with { $0.withinDays = -1 }),
      ("reasons[0]", .with { $0.reasons = [.unspecified] }),
      ("reasons[1]", .with { $0.reasons = [.npiNotChecked, .UNRECOGNIZED(77)] }),
    ])
  func badRequest(field: String, request: Vetting_V1_ListDueForReviewRequest) async throws {
    try await ServiceHarness.with { h in
      let error = await expectRPCError(.invalidArgument) { _ = try await h.due(request) }
      #expect(error?.message.hasPrefix("\(field): ") == true, "\(String(describing: error))")
    }
  }
}
