import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI
import VettingCore

/// Directory reads that the admin and search suites do not reach on their own.
@Suite("Directory reads over the wire: rubric, assessments, records", .migratedDatabase)
struct DirectoryReadTests {
  @Test("GetRubric returns the rubric the server scores with, every criterion and flag")
  func rubric() async throws {
    try await ServiceHarness.with { h in
      let rubric = try await h.directory.getRubric(.init(), metadata: h.metadata(.referral))
      let current = Rubric.current
      #expect(rubric.version == current.version)
      #expect(rubric.criteria.map(\.id) == current.criteria.map(\.id))
      #expect(rubric.flags.map(\.id) == current.flags.map(\.id))
      #expect(rubric.criteria.map(\.points) == current.criteria.map { Int32($0.points) })
      #expect(rubric.criteria.allSatisfy { !$0.requirement.isEmpty && !$0.sources.isEmpty })
      #expect(!rubric.tiersMarkdown.isEmpty)
    }
  }

  @Test("GetRubric by version: 2026.2, published for review, with its calibrated severities")
  func rubricByVersion() async throws {
    try await ServiceHarness.with { h in
      let rubric = try await h.directory.getRubric(
        .with { $0.version = "2026.2" }, metadata: h.metadata(.referral))
      #expect(rubric.version == "2026.2")
      let severity = { (id: String) in rubric.flags.first { $0.id == id }?.severity }
      #expect(severity("marketing.outcome-promise") == .critical)
      #expect(severity("team.no-mental-health-professional") == .critical)
      let consent = rubric.criteria.first { $0.id == "ethics.informed-consent" }
      #expect(consent?.appliesTo.contains("esketamine") == true)
      let older = try await h.directory.getRubric(
        .with { $0.version = "2026.1" }, metadata: h.metadata(.referral))
      #expect(older.flags.first { $0.id == "marketing.outcome-promise" }?.severity == .major)
    }
  }

  @Test("GetAssessment: a provider with none yet, an unknown provider, an unknown assessment")
  func assessmentNotFound() async throws {
    try await ServiceHarness.with { h in
      let auditor = h.metadata(.auditor)
      let unknownProvider = await expectRPCError(.notFound) {
        _ = try await h.directory.getAssessment(
          .with { $0.providerID = UUID().uuidString }, metadata: auditor)
      }
      #expect(unknownProvider?.message.isEmpty == false)
      let unknownAssessment = await expectRPCError(.notFound) {
        _ = try await h.directory.getAssessment(
          .with { $0.assessmentID = UUID().uuidString }, metadata: auditor)
      }
      #expect(unknownAssessment?.message.contains("assessment") == true)
    }
  }

  @Test("GetClinic and GetPractitioner of unknown ids are NOT_FOUND naming the kind")
  func recordsNotFound() async throws {
    try await ServiceHarness.with { h in
      let referral = h.metadata(.referral)
      let clinic = await expectRPCError(.notFound) {
        _ = try await h.directory.getClinic(.with { $0.id = UUID().uuidString }, metadata: referral)
      }
      #expect(clinic?.message.contains("clinic") == true)
      let practitioner = await expectRPCError(.notFound) {
        _ = try await h.directory.getPractitioner(
          .with { $0.id = UUID().uuidString }, metadata: referral)
      }
      #expect(practitioner?.message.contains("practitioner") == true)
    }
  }
}
