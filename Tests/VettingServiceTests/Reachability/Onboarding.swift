import Foundation
import GRPCCore
import VettingAPI
import VettingCore

/// Onboards providers the way directory staff do, only through the public Admin API over the
/// wire (the harness's FramedRPC client with an admin token).
struct Onboarding: Sendable {
  let harness: ServiceHarness

  private var admin: Metadata { harness.metadata(.admin) }

  /// A random valid NPI (live practitioners' NPIs are unique; tests share one database).
  static func npi() -> String {
    let digits = (0..<8).map { _ in String(Int.random(in: 0...9)) }.joined()
    return NPI.completing("1" + digits)!
  }

  static func day(_ year: Int, _ month: Int, _ day: Int) -> Vetting_V1_Day {
    .with {
      $0.year = Int32(year)
      $0.month = Int32(month)
      $0.day = Int32(day)
    }
  }

  func clinic(_ name: String, states: [String] = ["MI"]) async throws -> Vetting_V1_Clinic {
    try await harness.admin.createClinic(
      .with {
        $0.externalID = Fixtures.key("reach-clinic")
        $0.fields = .with {
          $0.name = name
          $0.npi = Self.npi()
          $0.statesServed = states
        }
        $0.locations = [Fixtures.location()]
      }, metadata: admin)
  }

  func practitioner(
    _ given: String, _ family: String, roles: [Vetting_V1_PractitionerRole], discipline: String,
    solo: Bool = false, npi: Bool = true,
    configure: (inout Vetting_V1_PractitionerFields) -> Void =
      { _ in }
  ) async throws -> Vetting_V1_Practitioner {
    var fields = Vetting_V1_PractitionerFields.with {
      $0.givenName = given
      $0.familyName = family
      $0.roles = roles
      $0.discipline = discipline
      $0.solo = solo
      $0.statesServed = ["MI"]
      if npi { $0.npi = Self.npi() }
    }
    configure(&fields)
    return try await harness.admin.createPractitioner(
      .with {
        $0.externalID = Fixtures.key("reach-person")
        $0.fields = fields
        if solo { $0.locations = [Fixtures.location()] }
      }, metadata: admin)
  }

  func affiliate(
    _ person: Vetting_V1_Practitioner, to clinic: Vetting_V1_Clinic,
    as role: Vetting_V1_AffiliationRole
  ) async throws {
    _ = try await harness.admin.affiliate(
      .with {
        $0.clinicID = clinic.id
        $0.practitionerID = person.id
        $0.role = role
      }, metadata: admin)
  }

  @discardableResult
  func license(
    _ person: Vetting_V1_Practitioner, type: String, status: Vetting_V1_LicenseStatus = .active,
    provenance: Vetting_V1_Provenance = .verifiedByStaff, expires: Vetting_V1_Day? = nil
  ) async throws -> Vetting_V1_License {
    try await harness.admin.addLicense(
      .with {
        $0.practitionerID = person.id
        $0.license = .with {
          $0.state = "MI"
          $0.type = type
          $0.number = String(Int.random(in: 100_000...999_999))
          $0.status = status
          $0.provenance = provenance
          if provenance == .verifiedByStaff { $0.verifiedBy = "Reachability test" }
          if let expires { $0.expiresOn = expires }
        }
      }, metadata: admin)
  }

  func training(
    _ person: Vetting_V1_Practitioner, hours: Int32, program: String = "polaris-insight-center"
  ) async throws {
    _ = try await harness.admin.addTraining(
      .with {
        $0.practitionerID = person.id
        $0.training = .with {
          $0.program = program
          $0.hours = hours
          $0.completedOn = Self.day(2024, 5, 1)
          $0.provenance = .verifiedByStaff
        }
      }, metadata: admin)
  }

  func certificate(
    _ person: Vetting_V1_Practitioner, _ kind: Vetting_V1_CertificateKind,
    issued: Vetting_V1_Day, expires: Vetting_V1_Day
  ) async throws -> Vetting_V1_Certificate {
    try await harness.admin.addCertificate(
      .with {
        $0.practitionerID = person.id
        $0.certificate = .with {
          $0.kind = kind
          $0.issuedOn = issued
          $0.expiresOn = expires
          $0.provenance = .verifiedByStaff
          $0.verifiedBy = "Reachability test"
        }
      }, metadata: admin)
  }

  func boardCertification(_ person: Vetting_V1_Practitioner, specialty: String) async throws {
    _ = try await harness.admin.addBoardCertification(
      .with {
        $0.practitionerID = person.id
        $0.boardCertification = .with {
          $0.board = "ABPN"
          $0.specialty = specialty
          $0.certifiedOn = Self.day(2015, 6, 1)
          $0.expiresOn = Self.day(2035, 6, 1)
          $0.provenance = .verifiedByStaff
          $0.verifiedBy = "Reachability test"
        }
      }, metadata: admin)
  }

  /// Staff-verified evidence of `subject` for `providerID` (a clinic or a practitioner).
  func verifiedEvidence(_ providerID: String, _ subject: String) async throws {
    _ = try await harness.admin.addEvidence(
      .with {
        $0.providerID = providerID
        $0.evidence = .with {
          $0.subject = subject
          $0.description_p = "Checked by staff: \(subject)"
          $0.provenance = .verifiedByStaff
          $0.verifiedBy = "Reachability test"
        }
      }, metadata: admin)
  }

  func partner(
    _ providerID: String, _ name: String, role: Vetting_V1_PartnerRole,
    evaluation: Vetting_V1_PartnerEvaluation = .liveVideo
  ) async throws -> Vetting_V1_Partner {
    try await harness.admin.addPartner(
      .with {
        $0.providerID = providerID
        $0.partner = .with {
          $0.name = name
          $0.role = role
          $0.npi = Self.npi()
          $0.evaluation = evaluation
          $0.organization = "Telehealth Prescribing Service"
          $0.licenses = [
            .with {
              $0.state = "MI"
              $0.type = "MD"
              $0.number = "4301"
            }
          ]
          $0.provenance = .documentOnFile
        }
      }, metadata: admin)
  }

  /// Sets the questionnaire: `routes` and the `practice` groups.
  func profile(_ providerID: String, routes: [String], practice: [String: Any]) async throws {
    let document: [String: Any] = ["routes": routes, "practice": practice]
    let json = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    _ = try await harness.admin.setPracticeProfile(
      .with {
        $0.providerID = providerID
        $0.profileJson = String(decoding: json, as: UTF8.self)
      }, metadata: admin)
  }

  func assessment(_ providerID: String) async throws -> Vetting_V1_Assessment {
    try await harness.directory.getAssessment(
      .with { $0.providerID = providerID }, metadata: admin)
  }
}

/// An attested questionnaire fact, verified by staff.
func verified(_ value: Any) -> [String: Any] {
  ["value": value, "provenance": "verified-by-staff"]
}
