import GRPCCore
import Testing

@testable import RPCBuiltins

@Suite("HealthService", .timeLimit(.minutes(1)))
struct HealthServiceTests {
  @Test(
    "Check answers SERVING for the server and each registered service",
    arguments: TestTransport.allCases)
  func checkRegisteredServices(transport: TestTransport) async throws {
    let health = HealthStatusManager()
    try await TestServers.with(transport, health: health) { server in
      for service in ["", "echo.v1.Echo", "grpc.health.v1.Health", "rpcbuiltins.v1.MethodListing"] {
        let response = try await server.health.check(.with { $0.service = service })
        #expect(response.status == .serving, "service '\(service)'")
      }
    }
  }

  @Test("Check of an unknown service is NOT_FOUND, naming it", arguments: TestTransport.allCases)
  func checkUnknownService(transport: TestTransport) async throws {
    let health = HealthStatusManager()
    try await TestServers.with(transport, health: health) { server in
      let error = await #expect(throws: RPCError.self) {
        try await server.health.check(.with { $0.service = "nope.v1.Nope" })
      }
      #expect(error?.code == .notFound)
      #expect(error?.message.contains("nope.v1.Nope") == true)
    }
  }

  @Test(
    "Check follows status changes; a status set before startup is kept",
    arguments: TestTransport.allCases)
  func checkFollowsChanges(transport: TestTransport) async throws {
    let health = HealthStatusManager()
    // The database was found down before the server started: startup must not mark it serving.
    health.setStatus(.notServing, forService: "echo.v1.Echo")
    try await TestServers.with(transport, health: health) { server in
      var response = try await server.health.check(.with { $0.service = "echo.v1.Echo" })
      #expect(response.status == .notServing)
      health.setStatus(.serving, forService: "echo.v1.Echo")
      response = try await server.health.check(.with { $0.service = "echo.v1.Echo" })
      #expect(response.status == .serving)
      health.setStatus(.notServing, forService: "")
      response = try await server.health.check(.with { $0.service = "" })
      #expect(response.status == .notServing)
    }
  }

  @Test("List answers every known status", arguments: TestTransport.allCases)
  func list(transport: TestTransport) async throws {
    let health = HealthStatusManager()
    try await TestServers.with(transport, health: health) { server in
      health.setStatus(.notServing, forService: "echo.v1.Echo")
      let response = try await server.health.list(.init())
      let statuses = response.statuses.mapValues(\.status)
      #expect(
        statuses == [
          "": .serving,
          "echo.v1.Echo": .notServing,
          "grpc.health.v1.Health": .serving,
          "rpcbuiltins.v1.MethodListing": .serving,
        ]
      )
    }
  }

  @Test("List refuses more than 100 statuses with RESOURCE_EXHAUSTED")
  func listTooMany() async throws {
    let health = HealthStatusManager()
    health.setStatus(.serving, forServices: (0..<HealthService.maxListedStatuses).map { "s\($0)" })
    try await TestServers.with(.inProcess, health: health) { server in
      let error = await #expect(throws: RPCError.self) {
        try await server.health.list(.init())
      }
      #expect(error?.code == .resourceExhausted)
    }
  }

  @Test(
    "Watch streams the status, SERVICE_UNKNOWN, and each change", arguments: TestTransport.allCases)
  func watch(transport: TestTransport) async throws {
    let health = HealthStatusManager()
    try await TestServers.with(transport, health: health) { server in
      let seen = try await server.health.watch(.with { $0.service = "later.v1.Later" }) {
        response in
        var seen: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
        for try await message in response.messages {
          seen.append(message.status)
          // Each status is sent only after the previous one arrived, so none is coalesced.
          switch seen.count {
          case 1: health.setStatus(.serving, forService: "later.v1.Later")
          case 2: health.setStatus(.notServing, forService: "later.v1.Later")
          case 3: health.clearStatus(forService: "later.v1.Later")
          default: return seen  // returning cancels the call
          }
        }
        return seen
      }
      #expect(seen == [.serviceUnknown, .serving, .notServing, .serviceUnknown])
    }
    // The cancelled Watch let go of its watcher.
    for _ in 0..<100 where health.watcherCount > 0 {
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(health.watcherCount == 0)
  }
}
