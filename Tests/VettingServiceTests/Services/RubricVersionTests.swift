import Foundation
import GRPCCore
import StoreTestSupport
import SwiftProtobuf
import Testing
import VettingAPI
import VettingCore

/// The server's scoring version (`--rubric-version`), and moving the directory to a new one with
/// RevetAll (docs/RUBRIC.md, "Moving the directory to a new rubric version").
@Suite("Scoring rubric version: the server's setting and moving to a new one", .migratedDatabase)
struct RubricVersionTests {
  @Test("RevetAll for a version the server does not score with is refused, naming what to do")
  func aVersionOtherThanTheServersIsRefused() async throws {
    try await ServiceHarness.with { h in
      let other = await expectRPCError(.failedPrecondition) {
        _ = try await Self.revetAll(h, version: "2026.2")
      }
      #expect(
        other?.message
          == "rubric_version: this server scores with rubric 2026.1, not 2026.2; start the "
          + "servers with --rubric-version 2026.2 first, then re-vet (docs/RUBRIC.md, \"Moving "
          + "the directory to a new rubric version\")")
      let unknown = await expectRPCError(.invalidArgument) {
        _ = try await Self.revetAll(h, version: "2025.9")
      }
      #expect(
        unknown?.message
          == "rubric_version: \"2025.9\" is not a published rubric version; published: "
          + Rubric.all.map(\.version).joined(separator: ", "))
    }
  }

  @Test(
    "a server on 2026.2 scores writes with it; RevetAll moves the rest, and a rerun does nothing")
  func movingTheDirectoryToANewVersion() async throws {
    let key = Fixtures.key("Move")
    // Onboarded while the server scores with 2026.1: a cure promised in advertising is major.
    let (id, before) = try await ServiceHarness.with { h in
      let onboard = Onboarding(harness: h)
      let practitioner = try await onboard.practitioner(
        "Cy", key + " Claims", roles: [.prescriber, .therapist], discipline: "psychiatry",
        solo: true)
      try await onboard.license(practitioner, type: "MD")
      try await onboard.training(practitioner, hours: 60)
      var practice = ReachabilityShapes.exemplaryPractice
      var ethics = try #require(practice["ethics"] as? [String: Any])
      ethics["claims"] = [verified("cure")]
      practice["ethics"] = ethics
      try await onboard.profile(practitioner.id, routes: ["sublingual-lozenge"], practice: practice)
      return (practitioner.id, try await onboard.assessment(practitioner.id))
    }
    #expect(before.rubricVersion == "2026.1")
    #expect(Self.severity("marketing.outcome-promise", in: before) == .major)

    try await ServiceHarness.with(rubric: .v2) { h in
      let onboard = Onboarding(harness: h)
      let rubric = try await h.directory.getRubric(.init(), metadata: h.metadata(.referral))
      #expect(rubric.version == "2026.2", "GetRubric without a version gives the server's")

      let beforeMove = Google_Protobuf_Timestamp(date: Date())
      let first = try await Self.revetAll(h, version: "2026.2")
      #expect(first.done == first.total && first.total >= 1)
      #expect(first.rescored == first.total, "every provider was assessed under 2026.1")
      #expect(first.skipped == 0)
      #expect(first.tierChanges >= 1)
      let after = try await onboard.assessment(id)
      #expect(after.rubricVersion == "2026.2")
      #expect(Self.severity("marketing.outcome-promise", in: after) == .critical)
      #expect(after.tier != before.tier, "a critical flag changes the tier")

      // CompareAssessments says who moved and why: the same flag, now of another severity.
      let compared = try await h.compare(.with { $0.fromTime = beforeMove })
      let moved = try #require(compared.changes.first { $0.providerID == id })
      #expect(moved.tierChange == .downgraded)
      #expect(moved.gainedFlags.isEmpty && moved.lostFlags.isEmpty)
      #expect(
        moved.severityChanges.map { "\($0.flagID) \($0.fromSeverity)→\($0.toSeverity)" }
          == ["marketing.outcome-promise major→critical"])
      #expect(moved.fromAssessment.rubricVersion == "2026.1")
      #expect(moved.toAssessment.rubricVersion == "2026.2")
      #expect(compared.summary.severityChanged >= 1)

      // Started again (as after an interruption), it finds nothing left to re-score.
      let second = try await Self.revetAll(h, version: "")
      #expect(second.done == second.total && second.total == first.total)
      #expect(second.rescored == 0 && second.tierChanges == 0)
      #expect(second.skipped == second.total, "assessed today with 2026.2: not re-assessed")

      // A new provider is scored with 2026.2 from its first write.
      let newcomer = try await onboard.practitioner(
        "Di", key + " New", roles: [.prescriber, .therapist], discipline: "psychiatry",
        solo: true)
      #expect(try await onboard.assessment(newcomer.id).rubricVersion == "2026.2")
    }
  }

  private static func revetAll(
    _ h: ServiceHarness, version: String
  ) async throws -> Vetting_V1_RevetProgress {
    let reports = try await h.admin.revetAll(
      .with { $0.rubricVersion = version }, metadata: h.metadata(.admin)
    ) { response in
      var all: [Vetting_V1_RevetProgress] = []
      for try await report in response.messages { all.append(report) }
      return all
    }
    return try #require(reports.last)
  }

  private static func severity(
    _ flagID: String, in assessment: Vetting_V1_Assessment
  ) -> Vetting_V1_Severity? {
    assessment.flags.first { $0.flagID == flagID }?.severity
  }
}
