import Foundation
import GRPCCore
import LibPQ
import VettingAPI
import VettingCore

/// Valid requests and database probes shared by the service tests.
enum Fixtures {
  /// A key no other test uses.
  static func key(_ base: String) -> String {
    "\(base)-\(UUID().uuidString.prefix(12).lowercased())"
  }

  /// A valid NPI: `prefix` (9 digits, the first 1 or 2) followed by its check digit.
  static func npi(_ prefix: String) -> String {
    guard let npi = NPI.completing(prefix) else { fatalError("\(prefix) cannot start an NPI") }
    return npi
  }

  static func location(city: String = "Lansing", postalCode: String = "48912")
    -> Vetting_V1_Location
  {
    .with {
      $0.label = "Main office"
      $0.addressLine1 = "100 Main St"
      $0.city = city
      $0.state = "MI"
      $0.postalCode = postalCode
      $0.latitude = 42.7325
      $0.longitude = -84.5555
      $0.isPrimary = true
    }
  }

  static func clinicFields(_ name: String = "Test Clinic") -> Vetting_V1_ClinicFields {
    .with {
      $0.name = name
      $0.npi = npi("123456789")
      $0.website = "https://example.org"
      $0.statesServed = ["MI"]
    }
  }

  static func createClinic(_ name: String = "Test Clinic") -> Vetting_V1_CreateClinicRequest {
    .with {
      $0.externalID = key("clinic")
      $0.fields = clinicFields(name)
      $0.locations = [location()]
    }
  }

  static func practitionerFields() -> Vetting_V1_PractitionerFields {
    .with {
      $0.givenName = "Ada"
      $0.familyName = "Lovelace"
      $0.credentials = "MD"
      $0.roles = [.prescriber]
      $0.discipline = "psychiatry"
      $0.npi = npi("187654321")
      $0.statesServed = ["MI"]
    }
  }

  /// Evidence of a urine-toxicology intake protocol on file, for `providerID`.
  static func addEvidence(providerID: String) -> Vetting_V1_AddEvidenceRequest {
    .with {
      $0.providerID = providerID
      $0.evidence = .with {
        $0.subject = "screening.urine-toxicology"
        $0.description_p = "Intake protocol PDF"
        $0.location = "https://example.org/intake.pdf"
        $0.provenance = .documentOnFile
      }
    }
  }

  static func createPractitioner() -> Vetting_V1_CreatePractitionerRequest {
    .with {
      $0.externalID = key("practitioner")
      $0.fields = practitionerFields()
    }
  }

  static let profileJSON = """
    {
      "routes": ["iv", "at-home"],
      "conditionsTreated": ["depression", "ptsd"],
      "acceptsInsurance": true, "insurancePayers": ["aetna"],
      "slidingScale": true,
      "pricing": {"perSessionUSD": 450},
      "telehealthStates": ["OH"],
      "acceptingNewPatients": true,
      "practice": {
        "screening": {
          "urineToxicology": {"value": true, "provenance": "self-reported"}
        }
      }
    }
    """

  /// Audit log entries about `entityID`.
  static func auditCount(_ pool: ConnectionPool, entityID: String) async throws -> Int {
    try await pool.query(
      "select count(*) from audit_log where entity_id = $1", [UUID(uuidString: entityID)!]
    ).singleRow()!.decode(Int.self, at: 0)
  }

  /// Rows in `table` (a fixed table name of ours).
  static func rowCount(_ pool: ConnectionPool, _ table: String) async throws -> Int {
    try await pool.query("select count(*) from \(table)").singleRow()!.decode(Int.self, at: 0)
  }
}
