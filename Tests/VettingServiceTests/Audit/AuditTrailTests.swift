import Foundation
import GRPCCore
import StoreTestSupport
import SwiftProtobuf
import Testing
import VettingAPI

@Suite("Audit trail over the wire", .migratedDatabase)
struct AuditTrailTests {
  /// The JSON object of an entry's image.
  static func object(_ json: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test("a sequence of admin edits: each with actor, before and after; every assessment once")
  func editsInOrder() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      var create = Fixtures.createClinic("Trail Clinic")
      create.locations = []
      let clinic = try await h.admin.createClinic(create, metadata: admin)
      let renamed = try await h.admin.updateClinic(
        .with {
          $0.id = clinic.id
          $0.expectedVersion = clinic.version
          $0.fields = Fixtures.clinicFields("Trail Clinic Renamed")
        }, metadata: admin)
      let location = try await h.admin.addLocation(
        .with {
          $0.providerID = clinic.id
          $0.location = Fixtures.location()
        }, metadata: admin)
      _ = try await h.admin.setPracticeProfile(
        .with {
          $0.providerID = clinic.id
          $0.expectedVersion = 0
          $0.profileJson = Fixtures.profileJSON
        }, metadata: admin)
      _ = try await h.admin.archiveClinic(
        .with {
          $0.id = clinic.id
          $0.expectedVersion = renamed.version
          $0.reason = "closed"
        }, metadata: admin)

      let trail = try await h.trail(.with { $0.providerID = clinic.id })
      let logged = trail.filter { $0.source == .auditLog }
      #expect(
        logged.map { "\($0.action) \($0.entityType)" } == [
          "create clinic", "update clinic", "create location", "create practice_profile",
          "archive clinic",
        ])
      let token = try #require(h.issued[.admin])
      #expect(logged.allSatisfy { $0.actor == "token:\(token.name)" })
      #expect(logged.allSatisfy { $0.actorTokenID == token.id.uuidString.lowercased() })
      #expect(zip(logged, logged.dropFirst()).allSatisfy { $0.seq < $1.seq })
      #expect(
        zip(trail, trail.dropFirst()).allSatisfy {
          $0.occurredAt.date <= $1.occurredAt.date
        })

      let created = logged[0]
      #expect(created.entityID == clinic.id)
      #expect(created.beforeJson.isEmpty)
      #expect(try Self.object(created.afterJson)["name"] as? String == "Trail Clinic")
      #expect(created.changedFields.contains("name"))

      let update = logged[1]
      #expect(try Self.object(update.beforeJson)["name"] as? String == "Trail Clinic")
      #expect(try Self.object(update.afterJson)["name"] as? String == "Trail Clinic Renamed")
      #expect(update.changedFields == ["name"])

      #expect(logged[2].entityID == location.id)
      #expect(try Self.object(logged[2].afterJson)["city"] as? String == "Lansing")
      #expect(logged[4].reason == "closed")
      #expect(logged[4].changedFields.contains("archived_at"))

      // Every stored assessment appears exactly once, with its image.
      let stored = try await h.pool.query(
        "select id from assessments where provider_id = $1 order by assessed_at",
        [UUID(uuidString: clinic.id)!]
      ).map { try $0.decode(UUID.self, at: 0).uuidString.lowercased() }
      let assessed = trail.filter { $0.entityType == "assessment" }
      #expect(assessed.map(\.entityID) == stored)
      #expect(stored.count >= 2)  // on create, and after the questionnaire
      #expect(assessed.allSatisfy { $0.action == "assess" && !$0.afterJson.isEmpty })
      #expect(assessed.first?.beforeJson.isEmpty == true)
      if assessed.count > 1 {
        let second = try Self.object(assessed[1].beforeJson)
        #expect(second["id"] as? String == assessed[0].entityID)
      }
      // The re-score follows the write that caused it.
      let profileIndex = try #require(trail.firstIndex { $0.entityType == "practice_profile" })
      #expect(trail[profileIndex + 1].entityType == "assessment")

      // since / until select a window of the same trail.
      let since = logged[2].occurredAt
      let window = try await h.trail(
        .with {
          $0.providerID = clinic.id
          $0.since = since
        })
      #expect(
        window.map(\.entityID) == trail.filter { $0.occurredAt.date >= since.date }.map(\.entityID))
      #expect(!window.contains { $0.entityID == clinic.id && $0.action == "create" })
      let before = try await h.trail(
        .with {
          $0.providerID = clinic.id
          $0.until = since
        })
      #expect(before.count + window.count == trail.count)
    }
  }

  @Test("an explicit re-vet that stores an assessment is listed once, from the log")
  func explicitRevet() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      let clinic = try await h.admin.createClinic(Fixtures.createClinic(), metadata: admin)
      let id = try #require(UUID(uuidString: clinic.id))
      // An assessment under another rubric makes the re-vet store a new one (and log it).
      let older = try await AuditSeed.with { seed in
        try await seed.assessment(id, at: Date(), tier: "vetted", score: 70, rubric: "2025.1")
      }
      let revetted = try await h.admin.revet(.with { $0.providerID = clinic.id }, metadata: admin)
      #expect(revetted.rubricVersion == "2026.1")

      let trail = try await h.trail(.with { $0.providerID = clinic.id })
      let assessed = trail.filter { $0.entityType == "assessment" }
      #expect(assessed.map(\.entityID).count == 3)
      #expect(assessed[1].entityID == older.uuidString.lowercased())
      #expect(assessed[1].source == .assessmentHistory)
      #expect(assessed[1].actor == "seed")
      #expect(assessed[2].entityID == revetted.id)
      #expect(assessed[2].source == .auditLog)
      #expect(assessed[2].actor == "token:\(try #require(h.issued[.admin]).name)")
      #expect(assessed.map(\.action) == ["assess", "assess", "assess"])
    }
  }

  @Test("unknown provider is NOT_FOUND; bad ids and windows are INVALID_ARGUMENT naming the field")
  func badRequests() async throws {
    try await ServiceHarness.with { h in
      let missing = await expectRPCError(.notFound) {
        _ = try await h.trail(.with { $0.providerID = UUID().uuidString })
      }
      #expect(missing?.message.contains("provider") == true)
      let empty = await expectRPCError(.invalidArgument) { _ = try await h.trail(.init()) }
      #expect(empty?.message.hasPrefix("provider_id: ") == true)
      let malformed = await expectRPCError(.invalidArgument) {
        _ = try await h.trail(.with { $0.providerID = "not-a-uuid" })
      }
      #expect(malformed?.message.hasPrefix("provider_id: ") == true)
      let clinic = try await h.admin.createClinic(
        Fixtures.createClinic(), metadata: h.metadata(.admin))
      let backwards = await expectRPCError(.invalidArgument) {
        _ = try await h.trail(
          .with {
            $0.providerID = clinic.id
            $0.since = Google_Protobuf_Timestamp(date: Date())
            $0.until = Google_Protobuf_Timestamp(date: Date().addingTimeInterval(-60))
          })
      }
      #expect(backwards?.message.hasPrefix("until: ") == true)
    }
  }
}
