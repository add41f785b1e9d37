import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite(.migratedDatabase)
struct InputValidationTests {
  /// A clinic input broken in one field, and the field the error must name.
  struct BadClinic: Sendable, CustomTestStringConvertible {
    var label: String
    var input: ClinicInput
    var field: String
    var testDescription: String { label }
  }

  static let badClinics: [BadClinic] = {
    func with(_ change: (inout ClinicInput) -> Void) -> ClinicInput {
      var input = Sample.clinic()
      change(&input)
      return input
    }
    return [
      BadClinic(label: "empty name", input: with { $0.name = "" }, field: "name"),
      BadClinic(label: "blank name", input: with { $0.name = "   " }, field: "name"),
      BadClinic(
        label: "10k-character name",
        input: with { $0.name = String(repeating: "x", count: 10_000) },
        field: "name"),
      BadClinic(label: "NUL in name", input: with { $0.name = "Lake\u{0}side" }, field: "name"),
      BadClinic(label: "NPI too short", input: with { $0.npi = "12345" }, field: "npi"),
      BadClinic(label: "NPI not digits", input: with { $0.npi = "12345abcde" }, field: "npi"),
      BadClinic(
        label: "bad state", input: with { $0.statesServed = ["MI", "ZZ"] },
        field: "states_served[1]"),
      BadClinic(
        label: "state spelt out", input: with { $0.statesServed = ["Texas"] },
        field: "states_served[0]"),
      BadClinic(label: "NUL in website", input: with { $0.website = "\u{0}" }, field: "website"),
    ]
  }()

  @Test(arguments: badClinics)
  func aBadClinicIsRefusedNamingTheFieldAndNothingIsWritten(_ bad: BadClinic) async throws {
    try await DirectoryTestStore.with { store in
      let key = Sample.key("bad")
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.createClinic(bad.input, externalID: key, actor: Sample.actor)
      }
      #expect(error.code == .invalidArgument)
      #expect(error.field == bad.field)
      #expect(try await store.count("clinics", where: "external_id", is: key) == 0)
      #expect(try await store.auditCount(imageKey: "external_id", is: key) == 0)
    }
  }

  @Test func anNPIWithAWrongCheckDigitIsRefusedNamingTheField() async throws {
    try await DirectoryTestStore.with { store in
      var input = Sample.clinic()
      input.npi = "1234567890"  // ten digits; the Luhn check digit of 123456789 is 3
      let key = Sample.key("npi")
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.createClinic(input, externalID: key, actor: Sample.actor)
      }
      #expect(error.code == .invalidArgument)
      #expect(error.field == "npi")
      #expect(error.message.contains("check digit fails"))
      #expect(try await store.count("clinics", where: "external_id", is: key) == 0)
    }
  }

  static let hostileNames = [
    "O'Brien \"Ketamine\" Clinic", "'; DROP TABLE clinics; --",
    "Robert'); DELETE FROM audit_log;--",
    "\\x00 not a NUL", "Ünïcödé 診療所 🧠", String(repeating: "ß", count: 300),
  ]

  @Test(arguments: hostileNames)
  func hostileStringsAreStoredVerbatim(_ name: String) async throws {
    try await DirectoryTestStore.with { store in
      let key = Sample.key("hostile")
      let clinic = try await store.directory.createClinic(
        Sample.clinic(name), externalID: key, actor: Sample.actor)
      #expect(try await store.directory.clinic(id: clinic.id).fields.name == name)
      #expect(try await store.count("clinics", where: "external_id", is: key) == 1)
      #expect(try await store.count("clinics", where: "name", is: name) >= 1)
      // The tables the strings talk about are intact and still hold this clinic's trail.
      #expect(try await store.audit(entityID: clinic.id).count == 1)
      #expect(try await store.count("clinics") >= 1)
    }
  }

  @Test func badLocationsNameTheirField() async throws {
    try await DirectoryTestStore.with { store in
      let clinic = try await store.directory.createClinic(
        Sample.clinic(), externalID: Sample.key("clinic"), actor: Sample.actor)
      let cases: [(LocationInput, String)] = [
        (modify(Sample.location()) { $0.latitude = 91 }, "location.latitude"),
        (modify(Sample.location()) { $0.longitude = -181 }, "location.longitude"),
        (modify(Sample.location()) { $0.longitude = nil }, "location.longitude"),
        (modify(Sample.location()) { $0.latitude = .nan }, "location.latitude"),
        (modify(Sample.location()) { $0.state = "mi" }, "location.state"),
        (modify(Sample.location()) { $0.postalCode = "4891" }, "location.postal_code"),
        (modify(Sample.location()) { $0.city = "" }, "location.city"),
        (modify(Sample.location()) { $0.addressLine1 = "a\u{0}b" }, "location.address_line1"),
      ]
      for (input, field) in cases {
        let error = try await #require(throws: StoreError.self) {
          try await store.directory.addLocation(
            providerID: clinic.id, input, actor: Sample.actor)
        }
        #expect(error.code == .invalidArgument)
        #expect(error.field == field)
      }
      #expect(try await store.directory.clinic(id: clinic.id).locations.isEmpty)
    }
  }

  @Test func badPractitionersNameTheirField() async throws {
    try await DirectoryTestStore.with { store in
      let cases: [(PractitionerInput, String)] = [
        (modify(Sample.practitioner()) { $0.givenName = "" }, "given_name"),
        (
          modify(Sample.practitioner()) { $0.familyName = String(repeating: "a", count: 201) },
          "family_name"
        ),
        (modify(Sample.practitioner()) { $0.roles = [] }, "roles"),
        (modify(Sample.practitioner()) { $0.npi = "123" }, "npi"),
        (modify(Sample.practitioner()) { $0.kapSessionsDelivered = -1 }, "kap_sessions_delivered"),
      ]
      for (input, field) in cases {
        let error = try await #require(throws: StoreError.self) {
          try await store.directory.createPractitioner(
            input, externalID: Sample.key("bad"), actor: Sample.actor)
        }
        #expect(error.code == .invalidArgument)
        #expect(error.field == field)
      }
    }
  }

  @Test func aBlankActorIsRefused() async throws {
    try await DirectoryTestStore.with { store in
      let error = try await #require(throws: StoreError.self) {
        try await store.directory.createClinic(
          Sample.clinic(), externalID: Sample.key("clinic"), actor: AuditActor(name: " "))
      }
      #expect(error.field == "actor")
    }
  }
}

func modify<T>(_ value: T, _ change: (inout T) -> Void) -> T {
  var copy = value
  change(&copy)
  return copy
}
