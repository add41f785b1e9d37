import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct AssessmentRepositoryTests {
  @Test func theStoredAssessmentIsTheEnginesOutputForTheStoredFacts() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let record = try #require(try await store.assessments.latestAssessment(providerID: clinic.id))
      #expect(record.providerKind == .clinic)
      #expect(record.supersededAt == nil)
      #expect(record.assessedBy == Sample.actor.name)
      #expect(record.assessment.providerID == clinic.id.uuidString.lowercased())
      #expect(record.assessment.score == record.summary.score)
      #expect(record.assessment.tier == record.summary.tier)
      #expect(
        record.summary.criticalFlags
          == record.assessment.flags.filter { $0.severity == .critical }.count)
      // What the engine says about these facts today, byte for byte.
      let facts = ProviderFacts(
        id: clinic.id.uuidString.lowercased(), kind: .clinic, name: clinic.fields.name,
        statesServed: ["MI"])
      let expected = Engine.assess(facts, asOf: DirectoryTestStore.today)
      #expect(try record.assessment.canonicalEncoding() == expected.canonicalEncoding())
      #expect(try await store.assessments.assessment(id: record.summary.id) == record)
    }
  }

  @Test func revetWithNothingChangedStoresNothing() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let again = try await store.assessments.revet(providerID: clinic.id, actor: Sample.actor)
      #expect(again.summary == clinic.assessment)
      #expect(try await store.assessmentCount(providerID: clinic.id) == 1)
      #expect(try await store.auditCount(providerID: clinic.id) == 1)
    }
  }

  @Test func revetOnALaterDayStoresANewAssessmentWhenExpiryChangesTheVerdict() async throws {
    try await DirectoryTestStore.with { store in
      let person = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: Sample.actor)
      var license = Sample.license()
      license.expiresOn = DirectoryTestStore.today.advanced(byDays: 10)
      _ = try await store.directory.addLicense(
        practitionerID: person.id, license, actor: Sample.actor)
      let before = try #require(try await store.directory.practitioner(id: person.id).assessment)
      let later = AssessmentRepository(
        pool: store.pool, today: { DirectoryTestStore.today.advanced(byDays: 30) })
      let after = try await later.revet(providerID: person.id, actor: Sample.actor)
      #expect(after.summary.id != before.id)
      #expect(after.summary.score < before.score)
      #expect(after.summary.inputHash == before.inputHash)
      #expect(try await store.audit(entityID: after.summary.id).map(\.action) == ["assess"])
    }
  }

  @Test func revetAllReportsProgressOverEveryLiveProvider() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let reports = ProgressLog()
      let later = AssessmentRepository(
        pool: store.pool, today: { DirectoryTestStore.today.advanced(byDays: 1) })
      let final = try await later.revetAll(actor: .system) { await reports.append($0) }
      let seen = await reports.all
      #expect(final.done == final.total)
      #expect(final.total >= 1)
      #expect(seen.count == final.total)
      #expect(seen.map(\.done) == Array(1...final.total))
      #expect(seen.last == final)
      // Same facts, verdict unchanged a day later: nothing new stored for this clinic.
      #expect(try await store.assessmentCount(providerID: clinic.id) == 1)
    }
  }

  @Test func unknownIDsAreNotFound() async throws {
    try await DirectoryTestStore.with { store in
      let assessment = try await #require(throws: StoreError.self) {
        try await store.assessments.assessment(id: UUID())
      }
      #expect(assessment.code == .notFound)
      #expect(assessment.entity == "assessment")
      let provider = try await #require(throws: StoreError.self) {
        try await store.assessments.latestAssessment(providerID: UUID())
      }
      #expect(provider.entity == "provider")
      let revet = try await #require(throws: StoreError.self) {
        try await store.assessments.revet(providerID: UUID(), actor: Sample.actor)
      }
      #expect(revet.code == .notFound)
    }
  }
}

/// Collects progress reports from a `@Sendable` callback.
actor ProgressLog {
  private(set) var all: [RevetProgress] = []
  func append(_ progress: RevetProgress) { all.append(progress) }
}
