import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

/// One bad field per case: the call fails with INVALID_ARGUMENT whose message starts with the
/// field's name.
struct BadInput: Sendable, CustomTestStringConvertible {
  let field: String
  let note: String
  let call: @Sendable (ServiceHarness) async throws -> Void
  var testDescription: String { "\(field) (\(note))" }

  static func clinic(
    _ field: String, _ note: String,
    _ edit: @escaping @Sendable (inout Vetting_V1_CreateClinicRequest) -> Void
  ) -> BadInput {
    BadInput(field: field, note: note) { h in
      var request = Fixtures.createClinic()
      edit(&request)
      _ = try await h.admin.createClinic(request, metadata: h.metadata(.admin))
    }
  }

  static func practitioner(
    _ field: String, _ note: String,
    _ edit: @escaping @Sendable (inout Vetting_V1_CreatePractitionerRequest) -> Void
  ) -> BadInput {
    BadInput(field: field, note: note) { h in
      var request = Fixtures.createPractitioner()
      edit(&request)
      _ = try await h.admin.createPractitioner(request, metadata: h.metadata(.admin))
    }
  }

  static func search(
    _ field: String, _ note: String,
    _ edit: @escaping @Sendable (inout Vetting_V1_SearchProvidersRequest) -> Void
  ) -> BadInput {
    BadInput(field: field, note: note) { h in
      var request = Vetting_V1_SearchProvidersRequest()
      edit(&request)
      _ = try await h.directory.searchProviders(request, metadata: h.metadata(.referral))
    }
  }

  static let all: [BadInput] = [
    clinic("fields.name", "empty") { $0.fields.name = "" },
    clinic("fields.name", "blank") { $0.fields.name = "   " },
    clinic("fields.name", "10k characters") {
      $0.fields.name = String(repeating: "x", count: 10_000)
    },
    clinic("fields.name", "NUL") { $0.fields.name = "a\u{0}b" },
    clinic("fields.npi", "too short") { $0.fields.npi = "12345" },
    clinic("fields.npi", "letters") { $0.fields.npi = "12345678AB" },
    clinic("fields.npi", "bad check digit") {
      let good = Fixtures.npi("123456789")
      $0.fields.npi = String(good.dropLast()) + String((Int(String(good.last!))! + 1) % 10)
    },
    clinic("fields.npi_status", "not a lookup outcome") { $0.fields.npiStatus = "suspended" },
    clinic("fields.npi_status", "an outcome without an NPI") {
      $0.fields.npi = ""
      $0.fields.npiStatus = "deactivated"
    },
    clinic("fields.states_served", "not a state") { $0.fields.statesServed = ["XX"] },
    clinic("external_id", "missing") { $0.externalID = "" },
    clinic("locations[0].postal_code", "bad zip") { $0.locations[0].postalCode = "4891" },
    clinic("locations[0].latitude", "out of range") { $0.locations[0].latitude = 91 },
    practitioner("fields.given_name", "empty") { $0.fields.givenName = "" },
    practitioner("fields.family_name", "empty") { $0.fields.familyName = "" },
    practitioner("fields.roles", "none") { $0.fields.roles = [] },
    practitioner("fields.roles[0]", "UNSPECIFIED") { $0.fields.roles = [.unspecified] },
    practitioner("fields.roles[0]", "unknown number") { $0.fields.roles = [.UNRECOGNIZED(99)] },
    practitioner("fields.discipline", "unknown") { $0.fields.discipline = "astrology" },
    practitioner("fields.npi", "9 digits") { $0.fields.npi = "123456789" },
    practitioner("fields.npi_status", "upper case") { $0.fields.npiStatus = "ACTIVE" },
    practitioner("fields.kap_sessions_delivered", "negative") {
      $0.fields.kapSessionsDelivered = -1
    },
    search("page_size", "100,000") { $0.pageSize = 100_000 },
    search("page_size", "101") { $0.pageSize = 101 },
    search("page_size", "negative") { $0.pageSize = -1 },
    search("page_token", "garbage") { $0.pageToken = "not-a-token" },
    search("near.radius", "0") {
      $0.near = .with {
        $0.point = .with {
          $0.latitude = 42.7
          $0.longitude = -84.5
        }
        $0.radius = 0
      }
    },
    search("near.radius", "600 km") {
      $0.near = .with {
        $0.point = .with {
          $0.latitude = 42.7
          $0.longitude = -84.5
        }
        $0.radius = 600
      }
    },
    search("near.radius", "400 miles") {
      $0.near = .with {
        $0.point = .with {
          $0.latitude = 42.7
          $0.longitude = -84.5
        }
        $0.radius = 400
        $0.unit = .miles
      }
    },
    search("near.unit", "unknown number") {
      $0.near = .with {
        $0.point = .with {
          $0.latitude = 42.7
          $0.longitude = -84.5
        }
        $0.radius = 10
        $0.unit = .UNRECOGNIZED(7)
      }
    },
    search("near", "neither point nor postal code") { $0.near = .with { $0.radius = 10 } },
    search("routes[1]", "UNSPECIFIED") { $0.routes = [.iv, .unspecified] },
    search("tiers[0]", "unknown number") { $0.tiers = [.UNRECOGNIZED(42)] },
    search("kind", "unknown number") { $0.kind = .UNRECOGNIZED(5) },
    search("sort", "unknown number") { $0.sort = .UNRECOGNIZED(9) },
    search("min_score", "101") { $0.minScore = 101 },
    search("state", "not a state") { $0.state = "Michigan" },
    BadInput(field: "id", note: "not a uuid") { h in
      _ = try await h.directory.getClinic(
        .with { $0.id = "42; DROP TABLE clinics" }, metadata: h.metadata(.referral))
    },
    BadInput(field: "id", note: "empty") { h in
      _ = try await h.directory.getPractitioner(.init(), metadata: h.metadata(.referral))
    },
    BadInput(field: "selector", note: "neither id") { h in
      _ = try await h.directory.getAssessment(.init(), metadata: h.metadata(.referral))
    },
    BadInput(field: "expected_version", note: "0 on update") { h in
      _ = try await h.admin.updateClinic(
        .with {
          $0.id = UUID().uuidString
          $0.fields = Fixtures.clinicFields()
        }, metadata: h.metadata(.admin))
    },
    BadInput(field: "role", note: "UNSPECIFIED") { h in
      _ = try await h.tokens.issueToken(
        .with { $0.name = Fixtures.key("t") }, metadata: h.metadata(.admin))
    },
    BadInput(field: "role", note: "unknown number") { h in
      _ = try await h.tokens.issueToken(
        .with {
          $0.name = Fixtures.key("t")
          $0.role = .UNRECOGNIZED(12)
        }, metadata: h.metadata(.admin))
    },
    BadInput(field: "name", note: "empty token name") { h in
      _ = try await h.tokens.issueToken(.with { $0.role = .referral }, metadata: h.metadata(.admin))
    },
    BadInput(field: "role", note: "affiliation UNSPECIFIED") { h in
      _ = try await h.admin.affiliate(
        .with {
          $0.clinicID = UUID().uuidString
          $0.practitionerID = UUID().uuidString
        }, metadata: h.metadata(.admin))
    },
    BadInput(field: "license.status", note: "UNSPECIFIED") { h in
      _ = try await h.admin.addLicense(
        .with {
          $0.practitionerID = UUID().uuidString
          $0.license = .with {
            $0.state = "MI"
            $0.type = "MD"
            $0.number = "1"
            $0.provenance = .selfReported
          }
        }, metadata: h.metadata(.admin))
    },
    BadInput(field: "license.expires_on", note: "February 30") { h in
      _ = try await h.admin.addLicense(
        .with {
          $0.practitionerID = UUID().uuidString
          $0.license = .with {
            $0.state = "MI"
            $0.type = "MD"
            $0.number = "1"
            $0.status = .active
            $0.provenance = .selfReported
            $0.expiresOn = .with {
              $0.year = 2030
              $0.month = 2
              $0.day = 30
            }
          }
        }, metadata: h.metadata(.admin))
    },
    BadInput(field: "training.program", note: "unknown") { h in
      _ = try await h.admin.addTraining(
        .with {
          $0.practitionerID = UUID().uuidString
          $0.training = .with {
            $0.program = "weekend-course"
            $0.provenance = .selfReported
          }
        }, metadata: h.metadata(.admin))
    },
    BadInput(field: "provenance", note: "self-reported cannot verify") { h in
      _ = try await h.admin.verifyEvidence(
        .with {
          $0.evidenceID = UUID().uuidString
          $0.expectedVersion = 1
          $0.verifiedBy = "x"
          $0.provenance = .selfReported
        }, metadata: h.metadata(.admin))
    },
  ]
}

@Suite("Bad input is INVALID_ARGUMENT naming the field", .migratedDatabase)
struct InvalidArgumentTests {
  @Test(arguments: BadInput.all)
  func refused(_ input: BadInput) async throws {
    try await ServiceHarness.with { h in
      let error = await expectRPCError(.invalidArgument) { try await input.call(h) }
      let message = error?.message ?? ""
      // The field, or an element of it (`fields.states_served[0]`), then what is wrong, once.
      let named = [":", " ", "["].contains { message.hasPrefix(input.field + $0) }
      #expect(named, "\(message)")
      let leaf = input.field.split(separator: ".").last.map(String.init) ?? input.field
      let problem = message.drop { $0 != " " }.dropFirst()
      #expect(!problem.hasPrefix(leaf), "the field is named twice: \(message)")
    }
  }

  @Test("page size 0 means the default")
  func pageSizeZero() async throws {
    try await ServiceHarness.with { h in
      _ = try await h.directory.searchProviders(
        .with { $0.pageSize = 0 }, metadata: h.metadata(.referral))
    }
  }
}
