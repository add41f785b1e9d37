import Foundation
import StoreTestSupport
import Testing
import VettingAPI

/// A critical flag puts a provider after every provider without one, whatever its score, in
/// search (every sort) and in reports; its score is still reported, marked disqualified.
@Suite("Disqualified last: search and reports over the wire", .migratedDatabase)
struct DisqualifiedLastTests {
  @Test("a suspended psychiatrist with the higher score sorts below a weaker one without a flag")
  func disqualifiedSortsLast() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let key = Fixtures.key("Rank")
      // Strong practice, but the license is suspended: a critical flag.
      let strong = try await onboard.practitioner(
        "Ada", key + " Strong", roles: [.prescriber, .therapist], discipline: "psychiatry",
        solo: true)
      try await onboard.license(strong, type: "MD", status: .suspended)
      try await onboard.training(strong, hours: 60)
      try await onboard.profile(
        strong.id, routes: ["sublingual-lozenge"], practice: ReachabilityShapes.exemplaryPractice)
      // A weaker file (no training, nothing recorded about the practice) with no critical flag.
      let weak = try await onboard.practitioner(
        "Bo", key + " Weak", roles: [.prescriber, .therapist], discipline: "psychiatry",
        solo: true)
      try await onboard.license(weak, type: "MD")

      let strongAssessment = try await onboard.assessment(strong.id)
      let weakAssessment = try await onboard.assessment(weak.id)
      let critical = { (assessment: Vetting_V1_Assessment) in
        assessment.flags.filter { $0.severity == .critical }.map(\.flagID)
      }
      // The premise: the disqualified one scores higher.
      #expect(critical(strongAssessment) == ["licensure.license-revoked-or-suspended"])
      #expect(critical(weakAssessment).isEmpty, "\(critical(weakAssessment))")
      try #require(
        strongAssessment.score > weakAssessment.score,
        "scores \(strongAssessment.score) and \(weakAssessment.score)")

      for sort in [Vetting_V1_SearchSort.score, .name, .unspecified] {
        let hits = try await harness.directory.searchProviders(
          .with {
            $0.text = key
            $0.sort = sort
          }, metadata: harness.metadata(.referral)
        ).hits
        #expect(hits.map(\.providerID) == [weak.id, strong.id], "sort \(sort)")
        #expect(hits.map(\.assessment.disqualified) == [false, true], "sort \(sort)")
        #expect(hits.last?.assessment.score == strongAssessment.score, "the score is still given")
      }
      // Page by page: the token carries the disqualified mark.
      let first = try await harness.directory.searchProviders(
        .with {
          $0.text = key
          $0.pageSize = 1
        }, metadata: harness.metadata(.referral))
      let second = try await harness.directory.searchProviders(
        .with {
          $0.text = key
          $0.pageSize = 1
          $0.pageToken = first.nextPageToken
        }, metadata: harness.metadata(.referral))
      #expect(first.hits.map(\.providerID) == [weak.id])
      #expect(second.hits.map(\.providerID) == [strong.id])
      #expect(second.nextPageToken.isEmpty)

      let report = try await harness.report(.init())
      let ours = report.rows.filter { $0.providerID == weak.id || $0.providerID == strong.id }
      #expect(ours.map(\.providerID) == [weak.id, strong.id])
      #expect(ours.map(\.disqualified) == [false, true])
      let firstDisqualified = try #require(report.rows.firstIndex { $0.disqualified })
      #expect(report.rows[firstDisqualified...].allSatisfy { $0.disqualified })
    }
  }
}
