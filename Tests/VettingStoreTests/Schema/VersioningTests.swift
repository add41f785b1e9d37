import Foundation
import LibPQ
import StoreTestSupport
import Testing

@Suite("Optimistic concurrency: version and updated_at are kept by the database", .migratedDatabase)
struct VersioningTests {
  @Test(
    "a change bumps version by one whatever the statement sets; a stale version updates nothing")
  func versionBumps() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic(name: "Before")
      let bumped = try await db.query(
        "update clinics set name = 'After', version = 42 where id = $1 and version = 1 returning version",
        [clinic]
      ).singleRow()?.decode(Int.self, at: 0)
      #expect(bumped == 2)

      // A second admin who also read version 1 changes nothing.
      let stale = try await db.execute(
        "update clinics set name = 'Other' where id = $1 and version = 1", [clinic])
      #expect(stale == 0)
      let name = try await db.query("select name from clinics where id = $1", [clinic])
        .singleRow()?.decode(String.self, at: 0)
      #expect(name == "After")
    }
  }

  @Test(
    "an update that changes nothing keeps version and updated_at (also with generated columns)",
    arguments: [
      ("clinics", "name = name"),
      ("practitioners", "given_name = given_name"),
      ("locations", "city = city"),
    ])
  func noOpKeepsVersion(table: String, assignment: String) async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let practitioner = try await db.insertPractitioner()
      let location = try await db.query(
        """
        insert into locations (provider_id, address_line1, city, state, postal_code)
        values ($1, '1 Main St', 'Lansing', 'MI', '48912-1234') returning id
        """, [clinic]
      ).singleRow()!.decode(UUID.self, at: 0)
      let id = ["clinics": clinic, "practitioners": practitioner, "locations": location][table]!
      // Table and assignment come from the fixed arguments above, never from input.
      let (version, untouched) = try await db.query(
        "update \(table) set \(assignment) where id = $1 returning version, updated_at = created_at",
        [id]
      ).singleRow()!.decode((Int, Bool).self)
      #expect(version == 1)
      #expect(untouched)
    }
  }

  @Test("recording a token's last use does not change its version; revoking does")
  func tokenLastUseIgnored() async throws {
    try await MigratedDatabase.withConnection { db in
      let token = try await db.query(
        """
        insert into api_tokens (name, role, secret_sha256)
        values ($1, 'referral', $2) returning id
        """,
        ["token-\(UUID().uuidString)", Data((0..<32).map { _ in UInt8.random(in: 0...255) })]
      ).singleRow()!.decode(UUID.self, at: 0)
      let afterUse = try await db.query(
        "update api_tokens set last_used_at = now() where id = $1 returning version", [token]
      ).singleRow()?.decode(Int.self, at: 0)
      #expect(afterUse == 1)
      let afterRevoke = try await db.query(
        """
        update api_tokens set revoked_at = now(), revoked_by = 'admin'
        where id = $1 and version = 1 returning version
        """, [token]
      ).singleRow()?.decode(Int.self, at: 0)
      #expect(afterRevoke == 2)
    }
  }

  @Test("inserting a clinic or practitioner registers the provider with its kind")
  func providersRegistered() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let practitioner = try await db.insertPractitioner()
      let kinds = try await db.query(
        "select id, kind from providers where id = any($1) order by kind", [[clinic, practitioner]]
      ).map { try $0.decode((UUID, String).self) }
      #expect(kinds.map(\.0) == [clinic, practitioner])
      #expect(kinds.map(\.1) == ["clinic", "practitioner"])
      let error = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("update providers set kind = 'practitioner' where id = $1", [clinic])
      }
      #expect(error?.message == "providers is append-only: UPDATE is refused")
    }
  }
}
