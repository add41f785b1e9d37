import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI
import VettingService

/// Every caller × every method: who gets UNAUTHENTICATED, who PERMISSION_DENIED, and who is let
/// through (their empty requests then fail validation or succeed, never an auth code).
@Suite("Role matrix: every caller × every method", .migratedDatabase)
struct RoleMatrixTests {
  /// The expected outcome, from the service's rule in the issue (not from AccessPolicy, so a
  /// wrong table fails here).
  static func expected(_ caller: Caller, service: String) -> RPCError.Code? {
    switch caller {
    case .anonymous, .badToken, .revoked: return .unauthenticated
    case .admin: return nil
    case .referral: return service == "Directory" ? nil : .permissionDenied
    case .auditor: return ["Directory", "Audit"].contains(service) ? nil : .permissionDenied
    }
  }

  @Test(arguments: Caller.allCases, MethodCall.all)
  func callerAndMethod(_ caller: Caller, _ method: MethodCall) async throws {
    try await ServiceHarness.with { harness in
      let code: RPCError.Code?
      do {
        try await method.call(harness, harness.metadata(caller))
        code = nil
      } catch let error as RPCError {
        code = error.code
      }
      if let expected = Self.expected(caller, service: method.service) {
        #expect(code == expected)
      } else {
        #expect(
          code != .unauthenticated && code != .permissionDenied, "got \(String(describing: code))")
      }
    }
  }

  @Test("health and method listing need no token")
  func builtinsArePublic() async throws {
    try await ServiceHarness.with { harness in
      let health = try await harness.health.check(.with { $0.service = "vetting.v1.Directory" })
      #expect(health.status == .serving)
      let listing = try await harness.listing.listServices(.init())
      let paths = Set(listing.services.flatMap { service in service.methods.map(\.path) })
      #expect(paths.contains("/vetting.v1.Admin/RevetAll"))
      #expect(paths.contains("/vetting.v1.Directory/SearchProviders"))
      #expect(paths.contains("/vetting.v1.Audit/RunVettingReport"))
    }
  }

  @Test("a malformed authorization value is UNAUTHENTICATED and says what to send")
  func malformedHeader() async throws {
    try await ServiceHarness.with { harness in
      for value in ["Basic abc", "Bearer", "Bearer ", "token"] {
        let error = await expectRPCError(.unauthenticated) {
          _ = try await harness.directory.getRubric(
            .init(), metadata: ["authorization": .string(value)])
        }
        #expect(error?.message.contains("Bearer") == true)
      }
    }
  }

  @Test("the access table lets admin call everything and keeps unknown services admin-only")
  func policyTable() {
    #expect(AccessPolicy.allows(.admin, service: "vetting.v1.Tokens"))
    #expect(!AccessPolicy.allows(.auditor, service: "vetting.v1.NotYetListed"))
    #expect(AccessPolicy.allows(.auditor, service: "vetting.v1.Audit"))
    #expect(!AccessPolicy.allows(.referral, service: "vetting.v1.Audit"))
  }
}
