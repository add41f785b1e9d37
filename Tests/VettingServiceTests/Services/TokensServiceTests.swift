import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI
import VettingStore

@Suite("Tokens over the wire: issue, use, list, revoke", .migratedDatabase)
struct TokensServiceTests {
  @Test("an issued token works at once with its role; revoking it stops it at once here")
  func issueUseRevoke() async throws {
    try await ServiceHarness.with { h in
      let name = Fixtures.key("referral-net")
      let issued = try await h.tokens.issueToken(
        .with {
          $0.name = name
          $0.role = .referral
        }, metadata: h.metadata(.admin))
      #expect(issued.secret.hasPrefix("pv_"))
      #expect(issued.token.role == .referral)
      #expect(issued.token.createdBy.contains(h.issued[.admin]!.name))
      let bearer: Metadata = ["authorization": "Bearer \(issued.secret)"]
      _ = try await h.directory.getRubric(.init(), metadata: bearer)
      await expectRPCError(.permissionDenied) {
        _ = try await h.tokens.listTokens(.init(), metadata: bearer)
      }

      let listed = try await h.tokens.listTokens(.init(), metadata: h.metadata(.admin))
      #expect(listed.tokens.contains { $0.id == issued.token.id && $0.name == name })

      let revoked = try await h.tokens.revokeToken(
        .with { $0.id = issued.token.id }, metadata: h.metadata(.admin))
      #expect(revoked.hasRevokedAt)
      await expectRPCError(.unauthenticated) {
        _ = try await h.directory.getRubric(.init(), metadata: bearer)
      }
      let live = try await h.tokens.listTokens(.init(), metadata: h.metadata(.admin))
      #expect(!live.tokens.contains { $0.id == issued.token.id })
      let all = try await h.tokens.listTokens(
        .with { $0.includeRevoked = true }, metadata: h.metadata(.admin))
      #expect(all.tokens.contains { $0.id == issued.token.id })
    }
  }

  @Test("a token revoked elsewhere (another server) stops working within the cache lifetime")
  func revokedElsewhere() async throws {
    try await ServiceHarness.with(tokenCacheLifetime: .seconds(1)) { h in
      let store = TokenStore(pool: h.pool)
      let issued = try await store.issue(
        name: Fixtures.key("elsewhere"), role: .auditor, actor: "test")
      let bearer: Metadata = ["authorization": "Bearer \(issued.secret)"]
      _ = try await h.directory.getRubric(.init(), metadata: bearer)
      _ = try await store.revoke(id: issued.token.id, actor: "test")
      let start = ContinuousClock.now
      var code: RPCError.Code?
      while code == nil, ContinuousClock.now - start < .seconds(5) {
        do {
          _ = try await h.directory.getRubric(.init(), metadata: bearer)
          try await Task.sleep(for: .milliseconds(100))
        } catch let error as RPCError {
          code = error.code
        }
      }
      #expect(code == .unauthenticated)
      #expect(ContinuousClock.now - start < .seconds(3))
    }
  }

  @Test("revoking an unknown token is NOT_FOUND; a duplicate live name is ALREADY_EXISTS")
  func errors() async throws {
    try await ServiceHarness.with { h in
      await expectRPCError(.notFound) {
        _ = try await h.tokens.revokeToken(
          .with { $0.id = UUID().uuidString }, metadata: h.metadata(.admin))
      }
      await expectRPCError(.alreadyExists) {
        _ = try await h.tokens.issueToken(
          .with {
            $0.name = h.issued[.referral]!.name
            $0.role = .referral
          }, metadata: h.metadata(.admin))
      }
    }
  }
}
