import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct EvidenceWriteTests {
  /// A clinic whose questionnaire self-reports urine toxicology screening.
  func clinicWithProfile(_ store: DirectoryTestStore) async throws -> ClinicRecord {
    let clinic = try await store.directory.createClinic(
      Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
    var questionnaire = PracticeQuestionnaire(routes: [.intravenous])
    questionnaire.practice.screening.urineToxicology = .selfReported(true)
    _ = try await store.directory.setPracticeProfile(
      providerID: clinic.id, expectedVersion: 0, questionnaire, actor: Sample.actor)
    return try await store.directory.clinic(id: clinic.id)
  }

  func urineToxicology(_ store: DirectoryTestStore, _ id: UUID) async throws -> CriterionOutcome {
    let latest = try #require(try await store.assessments.latestAssessment(providerID: id))
    return try #require(latest.assessment.outcome("screening.urine-toxicology"))
  }

  @Test func verifiedEvidenceUpgradesTheFactsProvenance() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await clinicWithProfile(store)
      let selfReported = try await urineToxicology(store, clinic.id)
      #expect(selfReported.status == .partlyMet)

      let evidence = try await store.directory.addEvidence(
        providerID: clinic.id,
        EvidenceInput(
          subject: "screening.urine-toxicology", description: "Intake protocol, section 3",
          location: "https://docs.example/protocol.pdf", provenance: .documentOnFile),
        actor: Sample.actor)
      #expect(evidence.version == 1)
      let onFile = try await urineToxicology(store, clinic.id)
      #expect(onFile.earnedHundredths > selfReported.earnedHundredths)

      let verified = try await store.directory.verifyEvidence(
        id: evidence.id, expectedVersion: 1, verifiedBy: "staff:alice", actor: Sample.actor)
      #expect(verified.version == 2)
      #expect(verified.fields.provenance == .verifiedByStaff)
      #expect(verified.verifiedAt != nil)
      let full = try await urineToxicology(store, clinic.id)
      #expect(full.status == .met)
      #expect(full.earnedHundredths == full.possibleHundredths)
      #expect(try await store.audit(entityID: evidence.id).map(\.action) == ["create", "verify"])

      let stale = try await #require(throws: StoreError.self) {
        try await store.directory.verifyEvidence(
          id: evidence.id, expectedVersion: 1, verifiedBy: "staff:bob", actor: Sample.actor)
      }
      #expect(stale.code == .versionConflict)
      #expect(stale.currentVersion == 2)
    }
  }

  @Test func expiredEvidenceIsIgnored() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await clinicWithProfile(store)
      let before = try await urineToxicology(store, clinic.id)
      _ = try await store.directory.addEvidence(
        providerID: clinic.id,
        EvidenceInput(
          subject: "urine-toxicology", description: "Old protocol", provenance: .verifiedByStaff,
          verifiedBy: "staff:alice", expiresOn: Day(year: 2020, month: 1, day: 1)),
        actor: Sample.actor)
      #expect(try await urineToxicology(store, clinic.id) == before)
    }
  }

  @Test func evidenceOnALicenseUpgradesThatLicense() async throws {
    try await DirectoryTestStore.with { store in
      let person = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: Sample.actor)
      let license = try await store.directory.addLicense(
        practitionerID: person.id, Sample.license(provenance: .selfReported),
        actor: Sample.actor)
      let before = try #require(try await store.directory.practitioner(id: person.id).assessment)
      _ = try await store.directory.addEvidence(
        providerID: person.id,
        EvidenceInput(
          subject: "license", licenseID: license.id, description: "Board lookup",
          provenance: .publicRegistry, verifiedBy: "registry:mi-lara"),
        actor: Sample.actor)
      let after = try #require(try await store.directory.practitioner(id: person.id).assessment)
      #expect(after.score > before.score)
    }
  }

  @Test func badEvidenceIsRefusedNamingTheField() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await clinicWithProfile(store)
      let other = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: Sample.actor)
      let license = try await store.directory.addLicense(
        practitionerID: other.id, Sample.license(), actor: Sample.actor)
      let cases: [(EvidenceInput, String)] = [
        (EvidenceInput(subject: "astrology", description: "x"), "evidence.subject"),
        (EvidenceInput(subject: "Urine-Toxicology", description: "x"), "evidence.subject"),
        (EvidenceInput(subject: "urine-toxicology", description: ""), "evidence.description"),
        (
          EvidenceInput(
            subject: "urine-toxicology", description: "x", provenance: .verifiedByStaff),
          "evidence.verified_by"
        ),
        (
          EvidenceInput(subject: "license", licenseID: license.id, description: "x"),
          "evidence.license_id"
        ),
      ]
      for (input, field) in cases {
        let error = try await #require(throws: StoreError.self) {
          try await store.directory.addEvidence(providerID: clinic.id, input, actor: Sample.actor)
        }
        #expect(error.code == .invalidArgument)
        #expect(error.field == field)
      }
      #expect(try await store.directory.evidence(providerID: clinic.id).isEmpty)
      let notVerified = try await #require(throws: StoreError.self) {
        try await store.directory.verifyEvidence(
          id: UUID(), expectedVersion: 1, verifiedBy: "x", provenance: .selfReported,
          actor: Sample.actor)
      }
      #expect(notVerified.field == "provenance")
      let missing = try await #require(throws: StoreError.self) {
        try await store.directory.verifyEvidence(
          id: UUID(), expectedVersion: 1, verifiedBy: "x", actor: Sample.actor)
      }
      #expect(missing.code == .notFound)
      #expect(missing.entity == "evidence")
    }
  }
}
