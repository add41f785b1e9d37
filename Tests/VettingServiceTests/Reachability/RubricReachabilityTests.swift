import Foundation
import Testing
import VettingAPI
import VettingCore

/// Every criterion and every red flag of each published rubric (read over the wire with
/// GetRubric from a server scoring with that version) can be earned or raised by a provider
/// built only through the public Admin API. A criterion or flag added later with no input path
/// fails here, by name.
@Suite("Rubric reachability over the Admin API", .migratedDatabase)
struct RubricReachabilityTests {
  /// Flags whose condition depends on the assessment's as-of day and cannot hold on the day the
  /// test runs (writes are scored as of today); RubricV2Tests raises them by date.
  static func waitsForItsDay(_ id: String) -> Bool {
    id == "home.no-in-person-evaluation-required-by-law"
      && Day(Date()) <= Day(year: 2026, month: 12, day: 31)!
  }

  @Test(
    "every criterion is earned in full and every flag raised",
    arguments: Rubric.all.map(\.version))
  func everyCriterionAndFlag(_ version: String) async throws {
    let scoring = try #require(Rubric.named(version))
    try await ServiceHarness.with(rubric: scoring) { harness in
      let onboard = Onboarding(harness: harness)
      let rubric = try await harness.directory.getRubric(
        .init(), metadata: harness.metadata(.admin))
      #expect(rubric.version == version)
      #expect(!rubric.criteria.isEmpty && !rubric.flags.isEmpty)

      let exemplary = try await onboard.assessment(
        try await ReachabilityShapes.exemplaryClinic(onboard))
      let failing = try await onboard.assessment(
        try await ReachabilityShapes.failingClinic(onboard))
      let counselor = try await onboard.assessment(
        try await ReachabilityShapes.counselorWithoutPrescriber(onboard))

      for criterion in rubric.criteria {
        let result = exemplary.criteria.first { $0.criterionID == criterion.id }
        #expect(
          result?.status == .met && result?.earnedHundredths == result?.possibleHundredths,
          "criterion \(criterion.id) has no input path that earns it in full: \(result.map { "\($0.status): \($0.reason)" } ?? "not assessed")"
        )
      }
      #expect(
        exemplary.flags.isEmpty, "the exemplary clinic raised \(exemplary.flags.map(\.flagID))")
      #expect(exemplary.score == 100 && exemplary.tier == .recommended)
      // The psychiatrist holds the mental-health role through psychotherapy training, and the
      // assessment says so.
      let role = exemplary.criteria.first {
        $0.criterionID == "integration.mental-health-professional"
      }
      #expect(
        role?.reason.contains("counted as therapist: psychiatry with psychotherapy training")
          == true, "\(role?.reason ?? "")")

      let raised = Set((failing.flags + counselor.flags).map(\.flagID))
      for flag in rubric.flags where !Self.waitsForItsDay(flag.id) {
        #expect(raised.contains(flag.id), "flag \(flag.id) has no input path that raises it")
      }
    }
  }
}
