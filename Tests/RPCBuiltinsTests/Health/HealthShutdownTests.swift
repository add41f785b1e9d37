import GRPCCore
import RPCBuiltins
import Testing

@Suite("Health during shutdown", .timeLimit(.minutes(1)))
struct HealthShutdownTests {
  @Test(
    "shutdown flips every status to NOT_SERVING, ends Watch, and the server still drains",
    arguments: TestTransport.allCases
  )
  func flipsToNotServing(transport: TestTransport) async throws {
    let health = HealthStatusManager()
    let watched = try await TestServers.with(transport, health: health) { server in
      let (firstStatus, firstStatusSeen) = AsyncStream.makeStream(of: Void.self)
      let watching = Task {
        try await server.health.watch(.with { $0.service = "echo.v1.Echo" }) { response in
          var seen: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
          for try await message in response.messages {
            seen.append(message.status)
            firstStatusSeen.yield()
          }
          return seen
        }
      }
      for await _ in firstStatus { break }
      #expect(try await server.health.check(.init()).status == .serving)

      // Begin shutdown with a window during which health says NOT_SERVING while the server
      // still answers on open connections, as a load balancer polling it would see.
      // The window is generous so that, on a loaded machine, both checks below still fall
      // inside it (past it the server drains and, over HTTP/2, refuses new calls).
      let shuttingDown = Task { await server.beginShutdown(.seconds(3)) }
      var status = Grpc_Health_V1_HealthCheckResponse.ServingStatus.serving
      for _ in 0..<100 where status == .serving {
        status = try await server.health.check(.with { $0.service = "echo.v1.Echo" }).status
        if status == .serving { try await Task.sleep(for: .milliseconds(5)) }
      }
      #expect(status == .notServing)
      #expect(try await server.health.check(.init()).status == .notServing)
      // Watch ends by itself: it must not hold the drain open.
      let watched = try await watching.value
      await shuttingDown.value
      return watched
    }
    // withGRPCServer returned: the server drained and stopped.
    #expect(watched == [.serving, .notServing])
    #expect(health.isTerminal)
    #expect(health.statuses.values.allSatisfy { $0 == .notServing })
  }
}
