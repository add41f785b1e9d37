import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

/// ``FactsBatchLoader`` (the one reader of facts: ``FactsAssembler`` is a chunk of one) builds,
/// for providers recorded through the store's write path as onboarding records them, the same
/// facts whether a provider is read in a chunk of many or alone: same team, certificates, board
/// certification, partners, evidence upgrades, years in practice, NPI registry findings, in the
/// same order, so the input hashes agree.
@Suite(.migratedDatabase)
struct FactsBatchLoaderTests {
  @Test func batchedFactsEqualTheAssemblersForProvidersBuiltThroughTheStore() async throws {
    try await DirectoryTestStore.with { store in
      let directory = store.directory
      let today = DirectoryTestStore.today
      let built = try await Providers.build(directory, today: today)
      let unknown = UUID()
      let ids = built.live + [built.archivedClinic, unknown]

      // Affiliations and partners start on the day they are recorded (the calendar's): they are
      // ended then, and the facts compared on the repository's day and on the day after.
      let later = Day(Date()).advanced(byDays: 1)
      try await store.pool.withConnection { connection in
        var batched: [UUID: ProviderFacts] = [:]
        for asOf in [today, later] {
          batched = try await FactsBatchLoader.facts(
            providerIDs: ids, on: connection, asOf: asOf)
          #expect(Set(batched.keys) == Set(built.live), "archived and unknown ids are absent")
          for id in ids {
            let single = try await FactsAssembler.facts(
              providerID: id, on: connection, asOf: asOf)
            #expect(
              try batched[id]?.canonicalEncoding() == single?.canonicalEncoding(),
              "provider \(id) on \(asOf): batched facts differ from FactsAssembler's")
          }
        }
        // What the comparison covered: the clinic's live team only, with what onboarding records.
        let clinic = try #require(batched[built.clinic])
        #expect(clinic.practitioners.count == 4, "archived and ended members are not on the team")
        let prescriber = try #require(
          clinic.practitioners.first { $0.name.hasPrefix("Ada Okafor") })
        #expect(prescriber.certifications.count == 2)
        #expect(prescriber.boardCertification?.value == .anesthesiology)
        #expect(prescriber.yearsInPractice?.value == 16)
        #expect(prescriber.roles.contains(.therapist), "psychotherapy-trained psychiatrist")
        #expect(prescriber.licenses.contains { $0.provenance == .documentOnFile })
        #expect(
          clinic.practitioners.contains {
            $0.roles.contains(.nurse) && $0.npiRegistry == .deactivated
          },
          "the nurse's NPPES lookup found the NPI deactivated")
        #expect(clinic.affiliations.map(\.partnerName) == ["Harbor Prescribers"])
        #expect(batched[built.solo]?.affiliations.count == 1)

        // One at a time through the loader as well: a chunk's contents do not change the facts.
        for id in built.live {
          let alone = try await FactsBatchLoader.facts(
            providerIDs: [id], on: connection, asOf: later)
          #expect(try alone[id]?.canonicalEncoding() == batched[id]?.canonicalEncoding())
        }

        // The assessments the write path stored (from FactsAssembler's facts, on the repository's
        // day) have the input hash of the batched facts: a revet through the loader finds nothing
        // to change.
        batched = try await FactsBatchLoader.facts(
          providerIDs: built.live, on: connection, asOf: today)
        for id in built.live {
          let facts = try #require(batched[id])
          let same = try await connection.query(
            """
            select input_hash = sha256($2::bytea) from assessments
             where provider_id = $1 and superseded_at is null
            """, [id, try facts.canonicalEncoding()]
          ).singleRow()?.decode(Bool.self, at: 0)
          #expect(same == true, "provider \(id): stored input hash differs")
        }
      }
    }
  }

  /// Providers recorded through ``DirectoryRepository``, as onboarding records them.
  private enum Providers {
    struct Built {
      var clinic: UUID
      var solo: UUID
      var sharedSolo: UUID
      var archivedClinic: UUID
      var live: [UUID] { [clinic, solo, sharedSolo] }
    }

    static func build(_ directory: DirectoryRepository, today: Day) async throws -> Built {
      let actor = Sample.actor
      let later = today.advanced(byDays: 400)
      let lapsed = today.advanced(byDays: -30)

      // An IV clinic: a psychiatrist prescriber, a therapist, a nurse; an archived member and an
      // ended affiliation; partners current, ended and not yet begun; evidence on the clinic.
      let clinic = try await directory.createClinic(
        Sample.clinic("Batch Facts Clinic"), externalID: Sample.key("c"), actor: actor)
      _ = try await directory.addLocation(
        providerID: clinic.id, Sample.location(), actor: actor)
      var questionnaire = PracticeQuestionnaire(routes: [.intravenous], telehealthStates: ["OH"])
      questionnaire.practice.screening.urineToxicology = .selfReported(true)
      questionnaire.practice.screening.psychiatricEvaluation = .selfReported(.inPerson)
      _ = try await directory.setPracticeProfile(
        providerID: clinic.id, expectedVersion: 0, questionnaire, actor: actor)
      _ = try await directory.addEvidence(
        providerID: clinic.id,
        EvidenceInput(
          subject: "screening.urine-toxicology", description: "Intake protocol",
          provenance: .documentOnFile),
        actor: actor)

      let prescriber = try await directory.createPractitioner(
        PractitionerInput(
          givenName: "Ada", familyName: "Okafor", credentials: "MD", roles: [.prescriber],
          discipline: .psychiatry, statesServed: ["MI", "IN"], kapSessionsDelivered: 300,
          practiceStartedOn: Day(year: 2010, month: 6, day: 1), psychotherapyTrained: true),
        externalID: Sample.key("p"), actor: actor)
      _ = try await directory.addLicense(
        practitionerID: prescriber.id, Sample.license(), actor: actor)
      let selfReported = try await directory.addLicense(
        practitionerID: prescriber.id, Sample.license(state: "IN", provenance: .selfReported),
        actor: actor)
      _ = try await directory.addEvidence(
        providerID: prescriber.id,
        EvidenceInput(
          subject: "license", licenseID: selfReported.id, description: "License copy",
          provenance: .documentOnFile),
        actor: actor)
      _ = try await directory.addTraining(
        practitionerID: prescriber.id,
        TrainingInput(
          program: .other, programName: "KAP for prescribers", hours: 40,
          completedOn: Day(year: 2022, month: 3, day: 1)),
        actor: actor)
      _ = try await directory.addCertificate(
        practitionerID: prescriber.id,
        CertificateInput(kind: .acls, expiresOn: later, provenance: .selfReported), actor: actor)
      _ = try await directory.addCertificate(
        practitionerID: prescriber.id, CertificateInput(kind: .bls, expiresOn: lapsed),
        actor: actor)
      _ = try await directory.addEvidence(
        providerID: prescriber.id,
        EvidenceInput(
          subject: "life-support-certificate", description: "ACLS card",
          provenance: .documentOnFile),
        actor: actor)
      _ = try await directory.addBoardCertification(
        practitionerID: prescriber.id,
        BoardCertificationInput(board: "ABPN", specialty: .psychiatry, expiresOn: lapsed),
        actor: actor)
      _ = try await directory.addBoardCertification(
        practitionerID: prescriber.id,
        BoardCertificationInput(board: "ABA", specialty: .anesthesiology, expiresOn: later),
        actor: actor)
      _ = try await directory.addEvidence(
        providerID: prescriber.id,
        EvidenceInput(
          subject: "malpractice-insurance", description: "Policy", provenance: .documentOnFile,
          expiresOn: later),
        actor: actor)
      _ = try await directory.addEvidence(
        providerID: prescriber.id,
        EvidenceInput(
          subject: "years-in-practice", description: "CV, expired evidence",
          provenance: .documentOnFile, expiresOn: lapsed),
        actor: actor)

      let therapist = try await directory.createPractitioner(
        Sample.practitioner(solo: false), externalID: Sample.key("p"), actor: actor)
      _ = try await directory.addLicense(
        practitionerID: therapist.id, Sample.license(), actor: actor)
      let nurse = try await directory.createPractitioner(
        PractitionerInput(
          givenName: "Rae", familyName: "Lin", credentials: "RN", roles: [.nurse],
          npi: NPI.completing("1\(Int.random(in: 10_000_000...99_999_999))"),
          statesServed: ["MI"], npiStatus: .deactivated),
        externalID: Sample.key("p"), actor: actor)
      _ = try await directory.addCertificate(
        practitionerID: nurse.id, CertificateInput(kind: .bls, expiresOn: later), actor: actor)
      let archived = try await directory.createPractitioner(
        Sample.practitioner(solo: false), externalID: Sample.key("p"), actor: actor)
      let leaver = try await directory.createPractitioner(
        Sample.practitioner(solo: false), externalID: Sample.key("p"), actor: actor)
      for (person, role) in [
        (prescriber.id, TeamRole.prescriber), (therapist.id, .therapist), (nurse.id, .nurse),
        (archived.id, .therapist), (leaver.id, .therapist),
      ] {
        _ = try await directory.affiliate(
          clinicID: clinic.id, practitionerID: person, role: role, actor: actor)
      }
      let archivedNow = try await directory.practitioner(id: archived.id)
      _ = try await directory.archivePractitioner(
        id: archived.id, expectedVersion: archivedNow.version, actor: actor)
      let leaving = try #require(
        try await directory.practitioner(id: leaver.id).affiliations.first)
      _ = try await directory.endRecord(
        .affiliation, id: leaving.id, expectedVersion: leaving.version,
        endedOn: Day(Date()), actor: actor)

      _ = try await directory.addPartner(
        providerID: clinic.id,
        PartnerInput(name: "Harbor Prescribers", role: .medicalDirector), actor: actor)
      let ended = try await directory.addPartner(
        providerID: clinic.id, PartnerInput(name: "Ended Partner", role: .therapist),
        actor: actor)
      _ = try await directory.endRecord(
        .partner, id: ended.id, expectedVersion: ended.version,
        endedOn: Day(Date()), actor: actor)
      _ = try await directory.addPartner(
        providerID: clinic.id,
        PartnerInput(
          name: "Future Partner", role: .therapist,
          startedOn: Day(Date()).advanced(byDays: 10)),
        actor: actor)

      // A solo therapist with a prescribing partner, and a solo prescriber who is also on the
      // clinic's team (read as a provider and as a member in the same chunk).
      let solo = try await directory.createPractitioner(
        Sample.practitioner(), externalID: Sample.key("p"), actor: actor)
      _ = try await directory.addLicense(practitionerID: solo.id, Sample.license(), actor: actor)
      _ = try await directory.addPartner(
        providerID: solo.id,
        PartnerInput(name: "Journey Partner", role: .prescriber, provenance: .documentOnFile),
        actor: actor)
      let sharedSolo = try await directory.createPractitioner(
        PractitionerInput(
          givenName: "Sam", familyName: "Ito", credentials: "PMHNP", roles: [.prescriber],
          discipline: .psychiatricNursing, listedSolo: true, statesServed: ["MI"],
          practiceStartedOn: Day(year: 2019, month: 1, day: 15), psychotherapyTrained: false),
        externalID: Sample.key("p"), actor: actor)
      _ = try await directory.addCertificate(
        practitionerID: sharedSolo.id, CertificateInput(kind: .acls, expiresOn: later),
        actor: actor)
      _ = try await directory.affiliate(
        clinicID: clinic.id, practitionerID: sharedSolo.id, role: .prescriber, actor: actor)

      let gone = try await directory.createClinic(
        Sample.clinic("Archived Clinic"), externalID: Sample.key("c"), actor: actor)
      _ = try await directory.archiveClinic(
        id: gone.id, expectedVersion: gone.version, actor: actor)
      return Built(
        clinic: clinic.id, solo: solo.id, sharedSolo: sharedSolo.id, archivedClinic: gone.id)
    }
  }
}
