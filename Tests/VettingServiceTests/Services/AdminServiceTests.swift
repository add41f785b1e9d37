import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

@Suite("Admin over the wire: writes, versions, idempotency, audit", .migratedDatabase)
struct AdminServiceTests {
  @Test("create, read back, update, archive a clinic; each write audited")
  func clinicLifecycle() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      let request = Fixtures.createClinic("Lifecycle Clinic")
      let created = try await h.admin.createClinic(request, metadata: admin)
      #expect(created.name == "Lifecycle Clinic")
      #expect(created.version >= 1)
      #expect(created.externalID == request.externalID)
      #expect(created.locations.count == 1)
      #expect(created.locations.first?.postalCode == "48912")
      #expect(created.hasAssessment)
      // Format and check digit are validated on write; the registry lookup has not run yet.
      #expect(created.npiStatus == "unchecked")

      let read = try await h.directory.getClinic(
        .with { $0.id = created.id }, metadata: h.metadata(.referral))
      #expect(read == created)

      var fields = Fixtures.clinicFields("Lifecycle Clinic Renamed")
      fields.phone = "+1 517 555 0100"
      let updated = try await h.admin.updateClinic(
        .with {
          $0.id = created.id
          $0.expectedVersion = created.version
          $0.fields = fields
        }, metadata: admin)
      #expect(updated.name == "Lifecycle Clinic Renamed")
      #expect(updated.phone == "+1 517 555 0100")
      #expect(updated.version == created.version + 1)

      let archived = try await h.admin.archiveClinic(
        .with {
          $0.id = created.id
          $0.expectedVersion = updated.version
          $0.reason = "closed"
        }, metadata: admin)
      #expect(archived.version == updated.version + 1)
      let after = try await h.directory.getClinic(.with { $0.id = created.id }, metadata: admin)
      #expect(after.archived)
      #expect(try await Fixtures.auditCount(h.pool, entityID: created.id) >= 3)
    }
  }

  @Test("a retried create with the same external id returns the same clinic")
  func idempotentCreate() async throws {
    try await ServiceHarness.with { h in
      let request = Fixtures.createClinic("Idempotent Clinic")
      let first = try await h.admin.createClinic(request, metadata: h.metadata(.admin))
      let second = try await h.admin.createClinic(request, metadata: h.metadata(.admin))
      #expect(first.id == second.id)
      #expect(second.locations.count == 1)
      var different = request
      different.fields.name = "Someone Else"
      await expectRPCError(.alreadyExists) {
        _ = try await h.admin.createClinic(different, metadata: h.metadata(.admin))
      }
    }
  }

  @Test("a stale version is ABORTED naming the current version; nothing is written")
  func staleVersion() async throws {
    try await ServiceHarness.with { h in
      let created = try await h.admin.createClinic(
        Fixtures.createClinic(), metadata: h.metadata(.admin))
      let audits = try await Fixtures.auditCount(h.pool, entityID: created.id)
      let error = await expectRPCError(.aborted) {
        _ = try await h.admin.updateClinic(
          .with {
            $0.id = created.id
            $0.expectedVersion = created.version + 5
            $0.fields = Fixtures.clinicFields("Never")
          }, metadata: h.metadata(.admin))
      }
      #expect(error?.message.contains("\(created.version)") == true)
      #expect(try await Fixtures.auditCount(h.pool, entityID: created.id) == audits)
      let read = try await h.directory.getClinic(
        .with { $0.id = created.id }, metadata: h.metadata(.admin))
      #expect(read.name == created.name)
    }
  }

  @Test("unknown ids are NOT_FOUND naming the entity")
  func notFound() async throws {
    try await ServiceHarness.with { h in
      let id = UUID().uuidString
      let error = await expectRPCError(.notFound) {
        _ = try await h.admin.updateClinic(
          .with {
            $0.id = id
            $0.expectedVersion = 1
            $0.fields = Fixtures.clinicFields()
          }, metadata: h.metadata(.admin))
      }
      #expect(error?.message.lowercased().contains("clinic") == true)
      await expectRPCError(.notFound) {
        _ = try await h.directory.getPractitioner(
          .with { $0.id = id }, metadata: h.metadata(.admin))
      }
    }
  }

  @Test("locations: add and update with versions")
  func locations() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      let clinic = try await h.admin.createClinic(Fixtures.createClinic(), metadata: admin)
      let added = try await h.admin.addLocation(
        .with {
          $0.providerID = clinic.id
          $0.location = Fixtures.location(city: "East Lansing", postalCode: "48823")
        }, metadata: admin)
      #expect(added.city == "East Lansing")
      #expect(added.providerID == clinic.id)
      var changed = added
      changed.addressLine2 = "Suite 2"
      let updated = try await h.admin.updateLocation(
        .with { $0.location = changed }, metadata: admin)
      #expect(updated.addressLine2 == "Suite 2")
      #expect(updated.version == added.version + 1)
      await expectRPCError(.aborted) {
        _ = try await h.admin.updateLocation(.with { $0.location = changed }, metadata: admin)
      }
    }
  }

  @Test("practitioner with affiliation, license, training; evidence verified; profile; revet")
  func practitionerAndCredentials() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      let clinic = try await h.admin.createClinic(Fixtures.createClinic(), metadata: admin)
      let practitioner = try await h.admin.createPractitioner(
        Fixtures.createPractitioner(), metadata: admin)
      #expect(practitioner.name.contains("Lovelace"))
      #expect(practitioner.roles == [.prescriber])
      #expect(practitioner.discipline == "psychiatry")

      let affiliation = try await h.admin.affiliate(
        .with {
          $0.clinicID = clinic.id
          $0.practitionerID = practitioner.id
          $0.role = .medicalDirector
        }, metadata: admin)
      #expect(affiliation.role == .medicalDirector)
      #expect(affiliation.clinicName == clinic.name)

      let license = try await h.admin.addLicense(
        .with {
          $0.practitionerID = practitioner.id
          $0.license = .with {
            $0.state = "MI"
            $0.type = "MD"
            $0.number = "4301099999"
            $0.status = .active
            $0.provenance = .selfReported
            $0.expiresOn = .with {
              $0.year = 2030
              $0.month = 1
              $0.day = 31
            }
          }
        }, metadata: admin)
      #expect(license.status == .active)
      #expect(license.expiresOn.year == 2030)

      let training = try await h.admin.addTraining(
        .with {
          $0.practitionerID = practitioner.id
          $0.training = .with {
            $0.program = "polaris-insight-center"
            $0.hours = 40
            $0.provenance = .selfReported
            $0.completedOn = .with {
              $0.year = 2023
              $0.month = 5
              $0.day = 1
            }
          }
        }, metadata: admin)
      #expect(training.hours == 40)

      let read = try await h.directory.getPractitioner(
        .with { $0.id = practitioner.id }, metadata: h.metadata(.referral))
      #expect(read.licenses.map(\.id) == [license.id])
      #expect(read.trainings.map(\.id) == [training.id])
      #expect(read.affiliations.map(\.clinicID) == [clinic.id])

      let evidence = try await h.admin.addEvidence(
        Fixtures.addEvidence(providerID: clinic.id), metadata: admin)
      #expect(evidence.provenance == .documentOnFile)
      let verified = try await h.admin.verifyEvidence(
        .with {
          $0.evidenceID = evidence.id
          $0.expectedVersion = evidence.version
          $0.verifiedBy = "staff@example.org"
          $0.provenance = .verifiedByStaff
        }, metadata: admin)
      #expect(verified.provenance == .verifiedByStaff)
      #expect(verified.hasVerifiedAt)

      let profile = try await h.admin.setPracticeProfile(
        .with {
          $0.providerID = clinic.id
          $0.expectedVersion = 0
          $0.profileJson = Fixtures.profileJSON
        }, metadata: admin)
      #expect(profile.version == 1)
      #expect(profile.hasAssessment)
      let withProfile = try await h.directory.getClinic(
        .with { $0.id = clinic.id }, metadata: admin)
      #expect(withProfile.practice.routes == [.iv, .atHome])
      #expect(withProfile.practice.slidingScale)
      #expect(withProfile.profileVersion == 1)
      #expect(withProfile.assessment == profile.assessment)

      let assessment = try await h.admin.revet(.with { $0.providerID = clinic.id }, metadata: admin)
      #expect(assessment.providerID == clinic.id)
      #expect(!assessment.criteria.isEmpty)
      #expect(assessment.criteria.allSatisfy { !$0.reason.isEmpty })
      let latest = try await h.directory.getAssessment(
        .with { $0.providerID = clinic.id }, metadata: h.metadata(.auditor))
      #expect(latest.id == assessment.id || latest.inputHash == assessment.inputHash)
      let byID = try await h.directory.getAssessment(
        .with { $0.assessmentID = latest.id }, metadata: h.metadata(.auditor))
      #expect(byID == latest)

      let archived = try await h.admin.archivePractitioner(
        .with {
          $0.id = practitioner.id
          $0.expectedVersion = read.version
        }, metadata: admin)
      #expect(archived.version > read.version)
    }
  }

  @Test("a bad profile document is INVALID_ARGUMENT naming profile_json")
  func badProfile() async throws {
    try await ServiceHarness.with { h in
      let clinic = try await h.admin.createClinic(
        Fixtures.createClinic(), metadata: h.metadata(.admin))
      let error = await expectRPCError(.invalidArgument) {
        _ = try await h.admin.setPracticeProfile(
          .with {
            $0.providerID = clinic.id
            $0.profileJson = "not json"
          }, metadata: h.metadata(.admin))
      }
      #expect(error?.message.hasPrefix("profile") == true)
    }
  }

  @Test("RevetAll streams progress ending with the total")
  func revetAll() async throws {
    try await ServiceHarness.with { h in
      _ = try await h.admin.createClinic(Fixtures.createClinic(), metadata: h.metadata(.admin))
      let reports = try await h.admin.revetAll(.init(), metadata: h.metadata(.admin)) { response in
        var all: [Vetting_V1_RevetProgress] = []
        for try await report in response.messages { all.append(report) }
        return all
      }
      let last = try #require(reports.last)
      #expect(last.total >= 1)
      #expect(last.done == last.total)
    }
  }
}
