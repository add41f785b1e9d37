import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct PractitionerWriteTests {
  @Test func addingAVerifiedLicenseRaisesTheStoredScoreInTheSameTransaction() async throws {
    try await DirectoryTestStore.with { store in
      let person = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: Sample.actor)
      let before = try #require(person.assessment)
      let license = try await store.directory.addLicense(
        practitionerID: person.id, Sample.license(), actor: Sample.actor)
      #expect(license.fields.provenance == .verifiedByStaff)
      #expect(license.lastVerifiedAt != nil)
      let after = try #require(try await store.directory.practitioner(id: person.id).assessment)
      #expect(after.score > before.score)
      #expect(after.id != before.id)
      #expect(try await store.assessmentCount(providerID: person.id) == 2)
      #expect(try await store.audit(entityID: license.id).map(\.action) == ["create"])
      let full = try await store.assessments.assessment(id: before.id)
      #expect(full.supersededAt != nil)
    }
  }

  @Test func aLicenseReScoresEveryClinicThePractitionerIsOn() async throws {
    try await DirectoryTestStore.with { store in
      let person = try await store.directory.createPractitioner(
        Sample.practitioner(solo: false), externalID: Sample.key("p"), actor: Sample.actor)
      #expect(person.assessment == nil)
      var clinics: [ClinicRecord] = []
      for index in 0..<2 {
        let clinic = try await store.directory.createClinic(
          Sample.clinic("Clinic \(index)"), externalID: Sample.key("c"), actor: Sample.actor)
        let affiliation = try await store.directory.affiliate(
          clinicID: clinic.id, practitionerID: person.id, role: .therapist, actor: Sample.actor)
        #expect(affiliation.practitionerName == "Dana Reyes")
        clinics.append(try await store.directory.clinic(id: clinic.id))
      }
      _ = try await store.directory.addLicense(
        practitionerID: person.id, Sample.license(), actor: Sample.actor)
      for clinic in clinics {
        let now = try #require(try await store.directory.clinic(id: clinic.id).assessment)
        #expect(now.inputHash != clinic.assessment?.inputHash)
        #expect(now.score >= clinic.assessment!.score)
      }
      // Not listed solo: never assessed on their own.
      #expect(try await store.assessmentCount(providerID: person.id) == 0)
    }
  }

  @Test func aClinicsTeamIsItsLiveAffiliatedPractitioners() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("c"), actor: Sample.actor)
      let prescriber = try await store.directory.createPractitioner(
        modify(Sample.practitioner(solo: false, roles: [.prescriber])) {
          $0.givenName = "Sam"
          $0.discipline = .psychiatry
        }, externalID: Sample.key("p"), actor: Sample.actor)
      let noTeam = try #require(try await store.assessments.latestAssessment(providerID: clinic.id))
      #expect(noTeam.assessment.raised("team.no-medical-professional"))
      _ = try await store.directory.affiliate(
        clinicID: clinic.id, practitionerID: prescriber.id, role: .medicalDirector,
        actor: Sample.actor)
      let withTeam = try #require(
        try await store.assessments.latestAssessment(providerID: clinic.id))
      #expect(!withTeam.assessment.raised("team.no-medical-professional"))
      // Affiliating again is idempotent.
      _ = try await store.directory.affiliate(
        clinicID: clinic.id, practitionerID: prescriber.id, role: .medicalDirector,
        actor: Sample.actor)
      #expect(try await store.directory.clinic(id: clinic.id).affiliations.count == 1)
      // Archiving the practitioner takes them off the team and re-scores the clinic.
      _ = try await store.directory.archivePractitioner(
        id: prescriber.id, expectedVersion: 1, actor: Sample.actor)
      let afterArchive = try #require(
        try await store.assessments.latestAssessment(providerID: clinic.id))
      #expect(afterArchive.assessment.raised("team.no-medical-professional"))
      #expect(try await store.directory.clinic(id: clinic.id).affiliations.isEmpty)
    }
  }

  @Test func updatePractitionerChecksTheVersionAndReScores() async throws {
    try await DirectoryTestStore.with { store in
      let person = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: Sample.actor)
      let updated = try await store.directory.updatePractitioner(
        id: person.id, expectedVersion: 1,
        modify(person.fields) { $0.roles = [.therapist, .prescriber] }, actor: Sample.actor)
      #expect(updated.version == 2)
      #expect(updated.fields.roles == [.therapist, .prescriber])
      #expect(updated.assessment?.id != person.assessment?.id)
      let stale = try await #require(throws: StoreError.self) {
        try await store.directory.updatePractitioner(
          id: person.id, expectedVersion: 1, person.fields, actor: Sample.actor)
      }
      #expect(stale.code == .versionConflict)
      #expect(stale.currentVersion == 2)
    }
  }

  @Test func aDuplicateNPIFailsWholeLeavingNoRowsAndNoAudit() async throws {
    try await DirectoryTestStore.with { store in
      let payload = "1" + String(format: "%08d", Int.random(in: 0..<100_000_000))
      let npi = try #require(NPI.completing(payload))
      _ = try await store.directory.createPractitioner(
        modify(Sample.practitioner()) { $0.npi = npi }, externalID: Sample.key("p"),
        actor: Sample.actor)
      let key = Sample.key("p")
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.createPractitioner(
          modify(Sample.practitioner()) { $0.npi = npi }, externalID: key, actor: Sample.actor)
      }
      #expect(error.code == .alreadyExists)
      #expect(try await store.count("practitioners", where: "npi", is: npi) == 1)
      #expect(try await store.count("practitioners", where: "external_id", is: key) == 0)
      #expect(try await store.auditCount(imageKey: "npi", is: npi) == 1)
      #expect(try await store.auditCount(imageKey: "external_id", is: key) == 0)
    }
  }

  @Test func licensesAndTrainingsAreIdempotentOnTheirExternalID() async throws {
    try await DirectoryTestStore.with { store in
      let person = try await store.directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: Sample.actor)
      let key = Sample.key("lic")
      let input = Sample.license()
      let first = try await store.directory.addLicense(
        practitionerID: person.id, input, externalID: key, actor: Sample.actor)
      let again = try await store.directory.addLicense(
        practitionerID: person.id, input, externalID: key, actor: Sample.actor)
      #expect(first == again)
      let different = try await #require(throws: StoreError.self) {
        try await store.directory.addLicense(
          practitionerID: person.id, modify(input) { $0.status = .revoked }, externalID: key,
          actor: Sample.actor)
      }
      #expect(different.code == .alreadyExists)

      let training = TrainingInput(
        program: .polaris, hours: 40, completedOn: Day(year: 2024, month: 5, day: 1),
        provenance: .documentOnFile)
      let trainingKey = Sample.key("tr")
      let t1 = try await store.directory.addTraining(
        practitionerID: person.id, training, externalID: trainingKey, actor: Sample.actor)
      let t2 = try await store.directory.addTraining(
        practitionerID: person.id, training, externalID: trainingKey, actor: Sample.actor)
      #expect(t1 == t2)
      #expect(try await store.directory.practitioner(id: person.id).trainings == [t1])
      let other = try await #require(throws: StoreError.self) {
        try await store.directory.addTraining(
          practitionerID: person.id, TrainingInput(program: .other, hours: 10, completedOn: nil),
          actor: Sample.actor)
      }
      #expect(other.field == "training.program_name")
    }
  }

  @Test func addingToAnUnknownPractitionerIsNotFound() async throws {
    try await DirectoryTestStore.with { store in
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.addLicense(
          practitionerID: UUID(), Sample.license(), actor: Sample.actor)
      }
      #expect(error.code == .notFound)
      #expect(error.entity == "practitioner")
    }
  }
}
