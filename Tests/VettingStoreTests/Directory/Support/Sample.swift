import Foundation
import VettingCore
import VettingStore

/// Inputs for tests; every call makes values of its own so parallel tests never collide.
enum Sample {
  static let actor = AuditActor(name: "test-admin")

  static func key(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.lowercased())" }

  static func clinic(_ name: String = "Lakeside Ketamine Clinic") -> ClinicInput {
    ClinicInput(
      name: name, legalName: "Lakeside Health LLC", website: "https://lakeside.example",
      phone: "+1 517 555 0100", statesServed: ["MI"])
  }

  static func practitioner(solo: Bool = true, roles: Set<PractitionerRole> = [.therapist])
    -> PractitionerInput
  {
    PractitionerInput(
      givenName: "Dana", familyName: "Reyes", credentials: "LMFT", roles: roles,
      discipline: .psychotherapy, listedSolo: solo, statesServed: ["MI"],
      kapSessionsDelivered: 40)
  }

  static func location(primary: Bool = true) -> LocationInput {
    LocationInput(
      label: "Main office", addressLine1: "100 Michigan Ave", city: "Lansing", state: "MI",
      postalCode: "48912", latitude: 42.7335, longitude: -84.5555, isPrimary: primary)
  }

  static func license(
    state: String = "MI", provenance: Provenance = .verifiedByStaff, number: String? = nil
  ) -> LicenseInput {
    LicenseInput(
      state: state, type: "LMFT", number: number ?? String(UUID().uuidString.prefix(8)),
      status: .active, provenance: provenance, issuedOn: Day(year: 2015, month: 1, day: 1),
      expiresOn: Day(year: 2028, month: 1, day: 1),
      verifiedBy: provenance >= .verifiedByStaff ? "staff:alice" : nil)
  }
}
