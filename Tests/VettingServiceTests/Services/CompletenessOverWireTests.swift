import Foundation
import StoreTestSupport
import Testing
import VettingAPI
import VettingCore

/// Completeness over the wire (rubric 2026.2): a thin file is `incomplete`, not `not-vetted`;
/// search, reports and the due list show it and its open items; recording the practice moves it
/// to the tier its evidence earns.
@Suite("Completeness and the incomplete tier over the wire", .migratedDatabase)
struct CompletenessOverWireTests {
  @Test("a thin file is incomplete everywhere it is shown; filled in, it is judged")
  func thinFileThenJudged() async throws {
    try await ServiceHarness.with(rubric: .v2) { h in
      let onboard = Onboarding(harness: h)
      let key = Fixtures.key("Thin")
      let person = try await onboard.practitioner(
        "Di", key + " Practice", roles: [.prescriber, .therapist], discipline: "psychiatry",
        solo: true)
      try await onboard.license(person, type: "MD")

      // Only a license on record: nothing is judged failing, most of the file is open.
      let thin = try await onboard.assessment(person.id)
      #expect(thin.rubricVersion == "2026.2")
      #expect(thin.tier == .incomplete)
      #expect(thin.flags.filter { $0.severity == .critical }.isEmpty)
      #expect(thin.completeness < 50, "\(thin.completeness)")
      #expect(!thin.openItems.isEmpty)
      #expect(thin.openItems.allSatisfy { $0.contains(": ") })
      // Who holds which professional role, and why (2026.2 records it).
      #expect(thin.roles.count == 1)
      #expect(thin.roles.first.map { $0.medical && $0.mentalHealth && !$0.partner } == true)
      #expect(thin.roles.first?.reason.contains("psychiatry") == true)

      // Search shows it and filters on it.
      let hits = try await h.directory.searchProviders(
        .with {
          $0.text = key
          $0.tiers = [.incomplete]
        }, metadata: h.metadata(.referral)
      ).hits
      #expect(hits.map(\.providerID) == [person.id])
      #expect(hits.first?.assessment.completeness == thin.completeness)
      #expect(hits.first?.assessment.openItems == Int32(thin.openItems.count))
      let judged = try await h.directory.searchProviders(
        .with {
          $0.text = key
          $0.tiers = [.notVetted]
        }, metadata: h.metadata(.referral)
      ).hits
      #expect(judged.isEmpty, "incomplete is not not-vetted")

      // The report row and its detail.
      let report = try await h.report(
        .with {
          $0.tiers = [.incomplete]
          $0.includeDetails = true
        })
      let row = try #require(report.rows.first { $0.providerID == person.id })
      #expect(row.tier == .incomplete && row.completeness == thin.completeness)
      #expect(row.openItems == Int32(thin.openItems.count))
      #expect(row.detail.openItems == thin.openItems)
      #expect(report.summary.tiers.first { $0.tier == .incomplete }.map(\.count) ?? 0 >= 1)

      // The due list names every open item for staff to chase.
      let due = try await h.due(.with { $0.reasons = [.openItem] })
        .filter { $0.providerID == person.id }
      #expect(due.count == thin.openItems.count)
      #expect(due.allSatisfy { $0.entityType == "assessment" && $0.entityID == thin.id })
      #expect(due.allSatisfy { $0.rubricVersion == "2026.2" })
      for item in thin.openItems {
        #expect(due.contains { $0.detail.hasPrefix(item + " (assessment of ") }, "\(item)")
      }

      // The practice recorded in full: judged on its evidence, no longer open.
      try await onboard.training(person, hours: 60)
      try await onboard.profile(
        person.id, routes: ["sublingual-lozenge"], practice: ReachabilityShapes.exemplaryPractice)
      let whole = try await onboard.assessment(person.id)
      #expect(whole.tier != .incomplete && whole.tier != .notVetted, "\(whole.tier)")
      #expect(whole.completeness > thin.completeness)
      #expect(whole.openItems.count < thin.openItems.count)
      let left = try await h.due(.with { $0.reasons = [.openItem] })
        .filter { $0.providerID == person.id }
      #expect(left.count == whole.openItems.count, "the due list follows the latest assessment")
    }
  }

  @Test("on 2026.1 the same thin file is not-vetted, with its completeness still reported")
  func previousVersionHasNoIncompleteTier() async throws {
    try await ServiceHarness.with { h in
      let onboard = Onboarding(harness: h)
      let person = try await onboard.practitioner(
        "Ed", Fixtures.key("Thin1") + " Practice", roles: [.prescriber, .therapist],
        discipline: "psychiatry", solo: true)
      try await onboard.license(person, type: "MD")
      let assessment = try await onboard.assessment(person.id)
      #expect(assessment.rubricVersion == "2026.1")
      #expect(assessment.tier == .notVetted)
      #expect(assessment.completeness < 50 && !assessment.openItems.isEmpty)
      #expect(assessment.roles.isEmpty, "2026.1 does not record roles")
    }
  }
}
