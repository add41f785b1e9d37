import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

/// The credential lifecycle over the wire: each change is audited and re-scores at once.
@Suite("Credential lifecycle: suspension, reinstatement, archiving, partners", .migratedDatabase)
struct CredentialLifecycleTests {
  /// A solo psychiatrist in both roles with an active, verified license.
  private func psychiatrist(_ onboard: Onboarding, name: String) async throws -> (
    Vetting_V1_Practitioner, Vetting_V1_License
  ) {
    let person = try await onboard.practitioner(
      "Ines", name, roles: [.prescriber, .therapist], discipline: "psychiatry", solo: true)
    let license = try await onboard.license(person, type: "MD")
    try await onboard.training(person, hours: 60)
    try await onboard.profile(
      person.id, routes: ["sublingual-lozenge"], practice: ReachabilityShapes.exemplaryPractice)
    return (person, license)
  }

  private func hit(_ harness: ServiceHarness, named name: String) async throws
    -> Vetting_V1_SearchHit?
  {
    try await harness.directory.searchProviders(
      .with { $0.text = name }, metadata: harness.metadata(.referral)
    ).hits.first { $0.name.contains(name) }
  }

  @Test("a suspension shows in search and the trail at once; reinstating clears it")
  func suspendAndReinstate() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let name = Fixtures.key("Suspended")
      let (person, license) = try await psychiatrist(onboard, name: name)
      let before = try await onboard.assessment(person.id)
      #expect(!before.flags.contains { $0.flagID == "licensure.license-revoked-or-suspended" })
      #expect(before.tier != .notVetted, "\(before.score) \(before.flags.map(\.flagID))")
      #expect(try await hit(harness, named: name)?.assessment.tier == before.tier)

      let suspended = try await harness.admin.updateLicenseStatus(
        .with {
          $0.licenseID = license.id
          $0.expectedVersion = license.version
          $0.status = .suspended
          $0.changedOn = Onboarding.day(2026, 11, 30)
          $0.reason = "Board order 26-114"
        }, metadata: harness.metadata(.admin))
      #expect(suspended.status == .suspended)
      let during = try await onboard.assessment(person.id)
      #expect(during.flags.contains { $0.flagID == "licensure.license-revoked-or-suspended" })
      #expect(during.tier == .notVetted)
      #expect(try await hit(harness, named: name)?.assessment.tier == .notVetted)
      let trail = try await harness.trail(.with { $0.providerID = person.id })
      let change = trail.first { $0.action == "update_status" && $0.entityID == license.id }
      #expect(change?.reason == "Board order 26-114")
      #expect(change?.afterJson.contains("\"status_changed_on\": \"2026-11-30\"") == true)

      // A stale version is refused and changes nothing.
      await expectRPCError(.aborted) {
        _ = try await harness.admin.updateLicenseStatus(
          .with {
            $0.licenseID = license.id
            $0.expectedVersion = license.version
            $0.status = .active
          }, metadata: harness.metadata(.admin))
      }
      _ = try await harness.admin.updateLicenseStatus(
        .with {
          $0.licenseID = license.id
          $0.expectedVersion = suspended.version
          $0.status = .active
          $0.reason = "Reinstated"
        }, metadata: harness.metadata(.admin))
      let after = try await onboard.assessment(person.id)
      #expect(!after.flags.contains { $0.flagID == "licensure.license-revoked-or-suspended" })
      #expect(try await hit(harness, named: name)?.assessment.tier == before.tier)
      #expect(after.tier == before.tier)
    }
  }

  @Test("an NPPES lookup that finds the NPI deactivated raises the flag at once; active clears it")
  func npiRegistryLookup() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let name = Fixtures.key("Deactivated")
      let (person, _) = try await psychiatrist(onboard, name: name)
      #expect(
        !(try await onboard.assessment(person.id)).flags.contains {
          $0.flagID == "licensure.invalid-npi"
        })

      func record(_ status: String, on current: Vetting_V1_Practitioner) async throws
        -> Vetting_V1_Practitioner
      {
        try await harness.admin.updatePractitioner(
          .with {
            $0.id = current.id
            $0.expectedVersion = current.version
            $0.fields = .with {
              $0.givenName = current.givenName
              $0.familyName = current.familyName
              $0.roles = current.roles
              $0.discipline = current.discipline
              $0.npi = current.npi
              $0.solo = current.solo
              $0.statesServed = current.statesServed
              $0.npiStatus = status
            }
          }, metadata: harness.metadata(.admin))
      }
      let deactivated = try await record("deactivated", on: person)
      #expect(deactivated.npiStatus == "deactivated")
      let during = try await onboard.assessment(person.id)
      let flag = during.flags.first { $0.flagID == "licensure.invalid-npi" }
      #expect(flag?.reason.contains("deactivated in the NPPES registry") == true, "\(during.flags)")
      let npiCriterion = during.criteria.first { $0.criterionID == "licensure.valid-npi" }
      #expect(npiCriterion?.earnedHundredths == 0, "\(npiCriterion?.reason ?? "")")
      // Search serves the new assessment at once: one more major flag than before.
      let listed = try await hit(harness, named: name)?.assessment
      #expect(listed?.assessmentID == during.id)
      #expect(listed?.majorFlags == Int32(during.flags.filter { $0.severity == .major }.count))
      let trail = try await harness.trail(.with { $0.providerID = person.id })
      #expect(
        trail.contains {
          $0.action == "update" && $0.afterJson.contains("\"npi_status\": \"deactivated\"")
        })

      _ = try await record("active", on: deactivated)
      let after = try await onboard.assessment(person.id)
      #expect(!after.flags.contains { $0.flagID == "licensure.invalid-npi" })
    }
  }

  @Test("archiving evidence takes its credit away; re-verifying a license records who and when")
  func archiveEvidenceAndReverify() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let (person, license) = try await psychiatrist(onboard, name: Fixtures.key("Evidence"))
      let evidence = try await harness.admin.addEvidence(
        .with {
          $0.providerID = person.id
          $0.evidence = .with {
            $0.subject = "malpractice-insurance"
            $0.description_p = "Certificate of insurance, confirmed with the carrier"
            $0.provenance = .verifiedByStaff
            $0.verifiedBy = "J. Staff"
          }
        }, metadata: harness.metadata(.admin))
      func malpractice() async throws -> Vetting_V1_CriterionResult? {
        try await onboard.assessment(person.id).criteria.first {
          $0.criterionID == "licensure.malpractice-insurance"
        }
      }
      #expect(try await malpractice()?.status == .met)
      let archived = try await harness.admin.endRecord(
        .with {
          $0.kind = .evidence
          $0.id = evidence.id
          $0.expectedVersion = evidence.version
          $0.reason = "Policy lapsed"
        }, metadata: harness.metadata(.admin))
      #expect(archived.archived)
      #expect(try await malpractice()?.status == .notMet)

      let unverified = try await onboard.license(person, type: "DEA", provenance: .selfReported)
      let reverified = try await harness.admin.reverify(
        .with {
          $0.kind = .license
          $0.id = unverified.id
          $0.expectedVersion = unverified.version
          $0.provenance = .publicRegistry
          $0.verifiedBy = "MI LARA lookup"
          $0.expiresOn = Onboarding.day(2028, 6, 30)
        }, metadata: harness.metadata(.admin))
      #expect(reverified.version == unverified.version + 1)
      let stored = try await harness.directory.getPractitioner(
        .with { $0.id = person.id }, metadata: harness.metadata(.admin)
      ).licenses.first { $0.id == unverified.id }
      #expect(stored?.provenance == .publicRegistry)
      #expect(stored?.verifiedBy == "MI LARA lookup")
      #expect(stored?.expiresOn == Onboarding.day(2028, 6, 30))
      #expect(stored?.hasLastVerifiedAt == true)
      #expect(license.id != unverified.id)
    }
  }

  @Test("a prescribing partner holds the medical role until the partnership ends")
  func partnerHoldsTheMedicalRole() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let counselor = try await ReachabilityShapes.counselorWithoutPrescriber(onboard)
      func flagged() async throws -> Bool {
        try await onboard.assessment(counselor).flags.contains {
          $0.flagID == "team.no-medical-professional"
        }
      }
      #expect(try await flagged())
      let partner = try await onboard.partner(counselor, "Dr. Sam Lee", role: .prescriber)
      #expect(try await !flagged())
      let listed = try await harness.admin.listPartners(
        .with { $0.providerID = counselor }, metadata: harness.metadata(.admin))
      #expect(listed.partners.map(\.id) == [partner.id])
      #expect(listed.partners.first?.evaluation == .liveVideo)

      // Ended yesterday (UTC): no longer counts today, but stays listed as history.
      let yesterday = Calendar(identifier: .gregorian).dateComponents(
        in: TimeZone(identifier: "UTC")!, from: Date().addingTimeInterval(-86_400))
      let ended = try await harness.admin.endRecord(
        .with {
          $0.kind = .partner
          $0.id = partner.id
          $0.expectedVersion = partner.version
          $0.endedOn = Onboarding.day(yesterday.year!, yesterday.month!, yesterday.day!)
        }, metadata: harness.metadata(.admin))
      #expect(!ended.archived && ended.hasEndedOn)
      #expect(try await flagged())
      #expect(
        try await harness.admin.listPartners(
          .with { $0.providerID = counselor }, metadata: harness.metadata(.admin)
        ).partners.count == 1)
    }
  }

  @Test("staff who need no license raise no licensing flag; a therapist without one does")
  func staffRoles() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let clinic = try await onboard.clinic("Staffed Clinic")
      let prescriber = try await onboard.practitioner(
        "Ola", "Berg", roles: [.prescriber], discipline: "psychiatry")
      try await onboard.license(prescriber, type: "MD")
      let monitor = try await onboard.practitioner(
        "Kit", "Moss", roles: [.monitor], discipline: "other", npi: false)
      let coach = try await onboard.practitioner(
        "Jo", "Fry", roles: [.integrationCoach], discipline: "other", npi: false)
      try await onboard.affiliate(prescriber, to: clinic, as: .prescriber)
      try await onboard.affiliate(monitor, to: clinic, as: .monitor)
      try await onboard.affiliate(coach, to: clinic, as: .other)
      let staffed = try await onboard.assessment(clinic.id)
      #expect(!staffed.flags.contains { $0.flagID == "licensure.unlicensed-practitioner" })
      let active = staffed.criteria.first { $0.criterionID == "licensure.active-license" }
      #expect(active?.status == .met, "\(active?.reason ?? "")")

      let unlicensed = try await onboard.practitioner(
        "Al", "Ward", roles: [.therapist], discipline: "psychotherapy", npi: false)
      try await onboard.affiliate(unlicensed, to: clinic, as: .therapist)
      let flagged = try await onboard.assessment(clinic.id)
      #expect(flagged.flags.contains { $0.flagID == "licensure.unlicensed-practitioner" })
    }
  }

  @Test("bad input names the field and writes nothing")
  func badInput() async throws {
    try await ServiceHarness.with { harness in
      let onboard = Onboarding(harness: harness)
      let admin = harness.metadata(.admin)
      let role = await expectRPCError(.invalidArgument) {
        _ = try await harness.admin.createPractitioner(
          .with {
            $0.externalID = Fixtures.key("bad-role")
            $0.fields = .with {
              $0.givenName = "Bad"
              $0.familyName = "Role"
              $0.roles = [.UNRECOGNIZED(99)]
            }
          }, metadata: admin)
      }
      #expect(role?.message.contains("fields.roles[0]") == true)
      let mixed = await expectRPCError(.invalidArgument) {
        _ = try await onboard.practitioner(
          "Mixed", "Roles", roles: [.therapist, .nurse], discipline: "other", npi: false)
      }
      #expect(mixed?.message.contains("roles") == true)

      let person = try await onboard.practitioner(
        "Nia", "Cole", roles: [.nurse], discipline: "other", npi: false)
      let backwards = await expectRPCError(.invalidArgument) {
        _ = try await onboard.certificate(
          person, .bls, issued: Onboarding.day(2026, 5, 1), expires: Onboarding.day(2025, 5, 1))
      }
      #expect(backwards?.message.contains("certificate.expires_on") == true)
      let noKind = await expectRPCError(.invalidArgument) {
        _ = try await harness.admin.addCertificate(
          .with {
            $0.practitionerID = person.id
            $0.certificate = .with { $0.provenance = .selfReported }
          }, metadata: admin)
      }
      #expect(noKind?.message.contains("certificate.kind") == true)
      let stored = try await harness.directory.getPractitioner(
        .with { $0.id = person.id }, metadata: admin)
      #expect(stored.certificates.isEmpty)

      let counselor = try await ReachabilityShapes.counselorWithoutPrescriber(onboard)
      let npi = await expectRPCError(.invalidArgument) {
        _ = try await harness.admin.addPartner(
          .with {
            $0.providerID = counselor
            $0.partner = .with {
              $0.name = "Typo Telehealth"
              $0.role = .prescriber
              $0.npi = "1234567890"
            }
          }, metadata: admin)
      }
      #expect(npi?.message.contains("partner.npi") == true)
      let subject = await expectRPCError(.invalidArgument) {
        try await onboard.verifiedEvidence(counselor, "routes")
      }
      #expect(subject?.message.contains("urine-toxicology") == true)
      #expect(
        try await harness.admin.listPartners(
          .with { $0.providerID = counselor }, metadata: admin
        ).partners.isEmpty)
      let ending = await expectRPCError(.invalidArgument) {
        _ = try await harness.admin.endRecord(
          .with {
            $0.kind = .license
            $0.id = UUID().uuidString.lowercased()
            $0.expectedVersion = 1
            $0.endedOn = Onboarding.day(2026, 1, 1)
          }, metadata: admin)
      }
      #expect(ending?.message.contains("ended_on") == true)
    }
  }
}
