import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingStore

@Suite("TokenStore issues, authenticates, revokes and lists tokens", .migratedDatabase)
struct TokenStoreTests {
  static func withStore<T>(_ body: (TokenStore) async throws -> T) async throws -> T {
    let pool = ConnectionPool(
      configuration: try MigratedDatabase.current.configuration,
      options: .init(maximumConnections: 2))
    do {
      let value = try await body(TokenStore(pool: pool))
      await pool.close()
      return value
    } catch {
      await pool.close()
      throw error
    }
  }

  static func uniqueName(_ base: String = "token") -> String {
    "\(base)-\(UUID().uuidString.prefix(8).lowercased())"
  }

  @Test("issue then authenticate gives the token and its role", arguments: TokenRole.allCases)
  func issueAndAuthenticate(role: TokenRole) async throws {
    try await Self.withStore { store in
      let name = Self.uniqueName(role.rawValue)
      let issued = try await store.issue(name: name, role: role, actor: "tester")
      #expect(issued.secret.hasPrefix("pv_"))
      #expect(issued.secret.count == 3 + 43)
      #expect(
        issued.secret.dropFirst(3).allSatisfy {
          $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
        })
      #expect(issued.token.name == name && issued.token.role == role)
      #expect(issued.token.createdBy == "tester")
      #expect(issued.token.secretPrefix == String(issued.secret.prefix(8)))
      #expect(!issued.token.isRevoked && issued.token.lastUsedAt == nil)

      let found = try #require(try await store.authenticate(secret: issued.secret))
      #expect(found.id == issued.token.id)
      #expect(found.role == role)
    }
  }

  @Test("unknown, altered and malformed secrets authenticate to nil")
  func unknownSecrets() async throws {
    try await Self.withStore { store in
      let issued = try await store.issue(name: Self.uniqueName(), role: .admin, actor: "tester")
      var altered = Array(issued.secret)
      altered[10] = altered[10] == "a" ? "b" : "a"
      for secret in [
        "", "pv_", "pv_nope", String(altered), issued.secret + "x",
        String(issued.secret.dropLast()),
        " " + issued.secret, issued.secret.uppercased(), String(repeating: "x", count: 10_000),
        "'; DROP TABLE api_tokens; --", "pv_\u{0}",
      ] {
        #expect(try await store.authenticate(secret: secret) == nil, "\(secret.prefix(20))")
      }
      #expect(try await store.authenticate(secret: issued.secret) != nil)
    }
  }

  @Test("revoke: authenticate gives nil; revoking again changes nothing")
  func revoke() async throws {
    try await Self.withStore { store in
      let issued = try await store.issue(name: Self.uniqueName(), role: .referral, actor: "tester")
      let revoked = try await store.revoke(id: issued.token.id, actor: "admin-1")
      #expect(revoked.isRevoked && revoked.revokedBy == "admin-1")
      #expect(try await store.authenticate(secret: issued.secret) == nil)
      let again = try await store.revoke(id: issued.token.id, actor: "admin-2")
      #expect(again.revokedBy == "admin-1" && again.revokedAt == revoked.revokedAt)

      let missing = UUID()
      let error = try await #require(throws: StoreError.self) {
        try await store.revoke(id: missing, actor: "admin-1")
      }
      #expect(error.code == .notFound)
    }
  }

  @Test("an expired token authenticates to nil")
  func expired() async throws {
    try await Self.withStore { store in
      let issued = try await store.issue(
        name: Self.uniqueName(), role: .auditor, actor: "tester",
        expiresAt: Date().addingTimeInterval(-1))
      #expect(try await store.authenticate(secret: issued.secret) == nil)
    }
  }

  @Test("last use is recorded, and written at most once a minute")
  func lastUse() async throws {
    try await Self.withStore { store in
      let issued = try await store.issue(name: Self.uniqueName(), role: .referral, actor: "tester")
      let first = try #require(try await store.authenticate(secret: issued.secret))
      let recorded = try #require(first.lastUsedAt)
      #expect(abs(recorded.timeIntervalSinceNow) < 60)
      let stored = try #require(try await store.token(id: issued.token.id))
      #expect(stored.lastUsedAt == recorded)
      // Recording use is not an edit: the version an admin holds stays valid.
      #expect(stored.version == issued.token.version)

      // Within the minute: no new write.
      let second = try #require(try await store.authenticate(secret: issued.secret))
      #expect(second.lastUsedAt == recorded)

      // Once the last use is older than a minute, the next use writes again.
      _ = try await MigratedDatabase.withConnection { connection in
        try await connection.execute(
          "UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1",
          [issued.token.id])
      }
      let third = try #require(try await store.authenticate(secret: issued.secret))
      #expect(try #require(third.lastUsedAt) > recorded.addingTimeInterval(-1))
      #expect(abs(try #require(third.lastUsedAt).timeIntervalSinceNow) < 60)
    }
  }

  @Test("the table holds only the SHA-256 of the secret, never the secret")
  func onlyHashStored() async throws {
    try await Self.withStore { store in
      let issued = try await store.issue(name: Self.uniqueName(), role: .admin, actor: "tester")
      try await MigratedDatabase.withConnection { connection in
        let row = try await connection.query(
          """
          SELECT secret_sha256 = sha256(convert_to($2, 'UTF8')), octet_length(secret_sha256),
                 to_jsonb(t)::text
            FROM api_tokens t WHERE id = $1
          """,
          [issued.token.id, issued.secret]
        ).singleRow()!
        #expect(try row.decode(Bool.self, at: 0), "secret_sha256 is not SHA-256 of the secret")
        #expect(try row.decode(Int.self, at: 1) == 32)
        let wholeRow = try row.decode(String.self, at: 2)
        #expect(!wholeRow.contains(issued.secret))
        #expect(!wholeRow.contains(String(issued.secret.dropFirst(8))))
        // Nor does the audit log.
        let audit = try await connection.query(
          "SELECT coalesce(string_agg(to_jsonb(a)::text, ''), '') FROM audit_log a WHERE entity_id = $1",
          [issued.token.id]
        ).singleRow()!.decode(String.self, at: 0)
        #expect(!audit.isEmpty)
        #expect(!audit.contains(String(issued.secret.dropFirst(8))))
        #expect(!audit.contains("secret_sha256"))
      }
    }
  }

  @Test("issue and revoke each append one audit entry with actor, action and images")
  func auditEntries() async throws {
    try await Self.withStore { store in
      let name = Self.uniqueName()
      let issued = try await store.issue(name: name, role: .auditor, actor: "alice")
      _ = try await store.authenticate(secret: issued.secret)
      try await store.revoke(id: issued.token.id, actor: "bob", actorTokenID: issued.token.id)
      try await store.revoke(id: issued.token.id, actor: "bob")
      try await MigratedDatabase.withConnection { connection in
        let rows = try await connection.query(
          """
          SELECT actor, action, entity_type, actor_token_id, before ->> 'revoked_at',
                 after ->> 'name', after ->> 'role', after ->> 'revoked_by'
            FROM audit_log WHERE entity_id = $1 ORDER BY seq
          """, [issued.token.id])
        #expect(rows.count == 2)
        let issue = try rows[0].decode(
          (String, String, String, UUID?, String?, String?, String?, String?).self)
        #expect(issue.0 == "alice" && issue.1 == "issue_token" && issue.2 == "api_token")
        #expect(issue.3 == nil && issue.5 == name && issue.6 == "auditor" && issue.7 == nil)
        let revoke = try rows[1].decode(
          (String, String, String, UUID?, String?, String?, String?, String?).self)
        #expect(revoke.0 == "bob" && revoke.1 == "revoke_token")
        #expect(revoke.3 == issued.token.id)
        #expect(revoke.4 == nil && revoke.7 == "bob")
      }
    }
  }

  @Test("a failed issue writes no audit entry; a live name cannot be reused until revoked")
  func duplicateName() async throws {
    try await Self.withStore { store in
      let name = Self.uniqueName()
      let first = try await store.issue(name: name, role: .admin, actor: "tester")
      let error = try await #require(throws: StoreError.self) {
        try await store.issue(name: name, role: .referral, actor: "tester")
      }
      #expect(error.code == .alreadyExists && error.field == "name")
      try await MigratedDatabase.withConnection { connection in
        let count = try await connection.query(
          "SELECT count(*) FROM audit_log WHERE action = 'issue_token' AND after ->> 'name' = $1",
          [name]
        ).singleRow()!.decode(Int.self, at: 0)
        #expect(count == 1)
      }
      try await store.revoke(id: first.token.id, actor: "tester")
      let second = try await store.issue(name: name, role: .referral, actor: "tester")
      #expect(second.token.id != first.token.id)
    }
  }

  @Test(
    "bad names and actors are refused naming the field",
    arguments: [
      ("", "tester", "name"), ("   ", "tester", "name"),
      (String(repeating: "n", count: 201), "tester", "name"), ("ok", "", "actor"),
      ("bad\u{0}name", "tester", "name"),
    ])
  func invalidInput(name: String, actor: String, field: String) async throws {
    try await Self.withStore { store in
      let error = try await #require(throws: StoreError.self) {
        try await store.issue(name: name, role: .admin, actor: actor)
      }
      #expect(error.code == .invalidArgument && error.field == field)
    }
  }

  @Test("list shows live tokens, and revoked ones on request, oldest first")
  func list() async throws {
    try await Self.withStore { store in
      let live = try await store.issue(name: Self.uniqueName("live"), role: .referral, actor: "t")
      let gone = try await store.issue(name: Self.uniqueName("gone"), role: .referral, actor: "t")
      try await store.revoke(id: gone.token.id, actor: "t")
      let liveOnly = try await store.list()
      #expect(liveOnly.contains { $0.id == live.token.id })
      #expect(!liveOnly.contains { $0.id == gone.token.id })
      #expect(liveOnly.allSatisfy { !$0.isRevoked })
      let all = try await store.list(includeRevoked: true)
      #expect(all.contains { $0.id == gone.token.id && $0.isRevoked })
      let created = all.map(\.createdAt)
      #expect(created == created.sorted())
    }
  }
}
