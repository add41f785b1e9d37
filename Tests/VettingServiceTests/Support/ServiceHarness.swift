import Foundation
import FramedRPC
import GRPCCore
import LibPQ
import PGTestSupport
import RPCBuiltins
import StoreTestSupport
import VettingAPI
import VettingCore
import VettingService
import VettingStore

/// A vetting server over FramedRPC on a free loopback port, on the suite's migrated database,
/// with a client and tokens for every ``Caller``.
///
/// The server has the four vetting services, the built-ins (health, method listing) and the
/// auth interceptor, exactly as `vetting-server` assembles them.
struct ServiceHarness: Sendable {
  let directory: Vetting_V1_Directory.Client<FramedRPCClientTransport>
  let admin: Vetting_V1_Admin.Client<FramedRPCClientTransport>
  let tokens: Vetting_V1_Tokens.Client<FramedRPCClientTransport>
  let audit: Vetting_V1_Audit.Client<FramedRPCClientTransport>
  let health: Grpc_Health_V1_Health.Client<FramedRPCClientTransport>
  let listing: Rpcbuiltins_V1_MethodListing.Client<FramedRPCClientTransport>
  let pool: ConnectionPool
  /// Token secrets by caller (`nil` for ``Caller/anonymous``).
  let secrets: [Caller: String]
  /// Token records by caller (for the ones that have a real token).
  let issued: [Caller: APIToken]

  /// The `authorization` metadata `caller` sends.
  func metadata(_ caller: Caller) -> Metadata {
    guard let secret = secrets[caller] else { return [:] }
    return ["authorization": "Bearer \(secret)"]
  }

  /// Runs `body` with a fresh server and client on the suite's database; the server scores with
  /// `rubric`.
  static func with<T: Sendable>(
    tokenCacheLifetime: Duration = .seconds(2), rubric: Rubric = .current,
    _ body: (ServiceHarness) async throws -> T
  ) async throws -> T {
    let pool = ConnectionPool(
      configuration: try MigratedDatabase.current.configuration,
      options: .init(maximumConnections: 4))
    do {
      let value = try await run(
        pool: pool, tokenCacheLifetime: tokenCacheLifetime, rubric: rubric, body)
      await pool.close()
      return value
    } catch {
      await pool.close()
      throw error
    }
  }

  private static func run<T: Sendable>(
    pool: ConnectionPool, tokenCacheLifetime: Duration, rubric: Rubric,
    _ body: (ServiceHarness) async throws -> T
  ) async throws -> T {
    let (secrets, issued) = try await issueTokens(pool: pool)
    let vetting = VettingServices(
      pool: pool, tokenCacheLifetime: tokenCacheLifetime, rubric: rubric)
    let transport = FramedRPCServerTransport(address: FramedRPCAddress(host: "127.0.0.1", port: 0))
    let services = BuiltinServices.services(
      serving: vetting.services, health: HealthStatusManager(),
      transport: FramedRPCServerTransport.self)
    return try await withGRPCServer(
      transport: transport, services: services, interceptors: vetting.interceptors
    ) { _ in
      let port = try await transport.listeningAddress.port
      let clientTransport = FramedRPCClientTransport(
        target: FramedRPCAddress(host: "127.0.0.1", port: port))
      return try await withGRPCClient(transport: clientTransport) { client in
        try await body(
          ServiceHarness(
            directory: .init(wrapping: client), admin: .init(wrapping: client),
            tokens: .init(wrapping: client), audit: .init(wrapping: client),
            health: .init(wrapping: client),
            listing: .init(wrapping: client), pool: pool, secrets: secrets, issued: issued))
      }
    }
  }

  /// One live token per role, a revoked one and a well-formed secret no token has.
  private static func issueTokens(pool: ConnectionPool) async throws -> (
    [Caller: String], [Caller: APIToken]
  ) {
    let store = TokenStore(pool: pool)
    let suffix = UUID().uuidString.prefix(8).lowercased()
    var secrets: [Caller: String] = [:]
    var issued: [Caller: APIToken] = [:]
    for (caller, role) in [
      (Caller.referral, TokenRole.referral), (.auditor, .auditor), (.admin, .admin),
    ] {
      let token = try await store.issue(
        name: "\(caller.rawValue)-\(suffix)", role: role, actor: "test-harness")
      secrets[caller] = token.secret
      issued[caller] = token.token
    }
    let revoked = try await store.issue(
      name: "revoked-\(suffix)", role: .admin, actor: "test-harness")
    _ = try await store.revoke(id: revoked.token.id, actor: "test-harness")
    secrets[.revoked] = revoked.secret
    issued[.revoked] = revoked.token
    secrets[.badToken] = "pv_" + String(repeating: "A", count: 43)
    return (secrets, issued)
  }
}
