import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI
import VettingCore

@Suite("Admin/ImportProviders over the wire", .migratedDatabase)
struct ImportProvidersTests {
  @Test("one result per record in order, totals, and reasons worded as the single calls word them")
  func outcomesInOrder() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      var holder = Fixtures.createPractitioner()
      holder.fields.npi = Self.npi()
      let held = try await h.admin.createPractitioner(holder, metadata: admin)

      let good = Fixtures.createClinic("Imported Clinic")
      var badNPI = Fixtures.createClinic()
      badNPI.fields.npi =
        String(badNPI.fields.npi.dropLast()) + Self.wrongLastDigit(badNPI.fields.npi)
      var badState = Fixtures.createClinic()
      badState.locations[0].state = "ZZ"
      var takenNPI = Fixtures.createPractitioner()
      takenNPI.fields.npi = held.npi
      var noRole = Fixtures.createPractitioner()
      noRole.fields.npi = Self.npi()
      noRole.fields.roles = [.unspecified]
      let records: [Vetting_V1_ImportRecord] = [
        .with { $0.clinic = good },
        .with { $0.clinic = badNPI },
        .with { $0.clinic = badState },
        .with { $0.practitioner = takenNPI },
        .with { $0.practitioner = noRole },
        Vetting_V1_ImportRecord(),
        .with {
          $0.clinic = Fixtures.createClinic()
          $0.id = "not-a-uuid"
        },
      ]
      let response = try await h.admin.importProviders(
        .with { $0.records = records }, metadata: admin)

      #expect(
        response.results.map(\.outcome) == [.created] + Array(repeating: .rejected, count: 6))
      #expect(response.created == 1 && response.rejected == 6)
      #expect(response.updated == 0 && response.unchanged == 0 && !response.dryRun)
      #expect(
        response.results.map(\.field) == [
          "", "fields.npi", "locations[0].state", "fields.npi", "fields.roles[0]", "record", "id",
        ])
      let created = response.results[0]
      #expect(!created.id.isEmpty && created.version == 1 && created.reason.isEmpty)
      let clinic = try await h.directory.getClinic(
        .with { $0.id = created.id }, metadata: admin)
      #expect(clinic.externalID == good.externalID)
      #expect(clinic.locations.count == 1)

      // The same words as CreateClinic / CreatePractitioner for the same bad fields.
      for (index, request) in [(1, badNPI), (2, badState)] {
        let single = await expectRPCError(.invalidArgument) {
          _ = try await h.admin.createClinic(request, metadata: admin)
        }
        #expect(response.results[index].reason == single?.message)
      }
      let single = await expectRPCError(.invalidArgument) {
        _ = try await h.admin.createPractitioner(noRole, metadata: admin)
      }
      #expect(response.results[4].reason == single?.message)
      #expect(
        response.results[3].reason.hasPrefix(
          "fields.npi: \"\(held.npi)\" is already the NPI of live practitioner \(held.id)"))
      #expect(response.results[5].reason == "record: set clinic or practitioner")
      #expect(response.results[6].reason.hasPrefix("id: is not a UUID"))

      // Rejected records wrote nothing; the re-run reports the clinic unchanged.
      #expect(try await Fixtures.auditCount(h.pool, entityID: created.id) == 1)
      let again = try await h.admin.importProviders(
        .with { $0.records = records }, metadata: admin)
      #expect(again.results[0].outcome == .unchanged && again.results[0].id == created.id)
      #expect(try await Fixtures.auditCount(h.pool, entityID: created.id) == 1)
    }
  }

  @Test("dry_run reports what would happen and writes nothing")
  func dryRun() async throws {
    try await ServiceHarness.with { h in
      let request = Fixtures.createClinic("Dry Run Clinic")
      let response = try await h.admin.importProviders(
        .with {
          $0.records = [.with { $0.clinic = request }]
          $0.dryRun = true
        }, metadata: h.metadata(.admin))
      #expect(response.dryRun && response.created == 1)
      #expect(response.results.map(\.outcome) == [.created])
      let found = try await h.pool.query(
        "select count(*) from clinics where external_id = $1", [request.externalID]
      ).singleRow()!.decode(Int.self, at: 0)
      #expect(found == 0)
    }
  }

  @Test("referral and auditor tokens are refused", arguments: [Caller.referral, .auditor])
  func adminOnly(_ caller: Caller) async throws {
    try await ServiceHarness.with { h in
      let request = Fixtures.createClinic("Not Allowed")
      await expectRPCError(.permissionDenied) {
        _ = try await h.admin.importProviders(
          .with { $0.records = [.with { $0.clinic = request }] }, metadata: h.metadata(caller))
      }
      let found = try await h.pool.query(
        "select count(*) from clinics where external_id = $1", [request.externalID]
      ).singleRow()!.decode(Int.self, at: 0)
      #expect(found == 0)
    }
  }

  @Test("more than 1,000 records is INVALID_ARGUMENT naming records; nothing is written")
  func sizeBound() async throws {
    try await ServiceHarness.with { h in
      let prefix = Fixtures.key("bound")
      let records = (0...1000).map { index in
        Vetting_V1_ImportRecord.with {
          $0.clinic = .with {
            $0.externalID = "\(prefix)-\(index)"
            $0.fields.name = "Bound \(index)"
          }
        }
      }
      let error = await expectRPCError(.invalidArgument) {
        _ = try await h.admin.importProviders(
          .with { $0.records = records }, metadata: h.metadata(.admin))
      }
      #expect(error?.message.hasPrefix("records: at most 1000 records per call, got 1001") == true)
      let found = try await h.pool.query(
        "select count(*) from clinics where external_id like $1", [prefix + "%"]
      ).singleRow()!.decode(Int.self, at: 0)
      #expect(found == 0)
      // Exactly the bound is taken.
      let response = try await h.admin.importProviders(
        .with { $0.records = Array(records.prefix(1000)) }, metadata: h.metadata(.admin))
      #expect(response.created == 1000)
    }
  }

  /// A valid individual NPI no other test uses.
  static func npi() -> String {
    let digits = (0..<8).map { _ in String(Int.random(in: 0...9)) }.joined()
    return NPI.completing("1" + digits)!
  }

  /// A last digit that breaks `npi`'s check digit.
  static func wrongLastDigit(_ npi: String) -> String {
    String((Int(String(npi.last!))! + 1) % 10)
  }
}
