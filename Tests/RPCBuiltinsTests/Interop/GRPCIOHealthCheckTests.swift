import RPCBuiltins
import Testing

/// Stock gRPC clients (Python grpcio + grpcio-health-checking from PyPI) against our services
/// over standard gRPC/HTTP2.
@Suite("grpcio interop", .timeLimit(.minutes(2)))
struct GRPCIOHealthCheckTests {
  @Test("our health.proto is the standard one shipped in grpcio-health-checking")
  func healthProtoIsStandard() async throws {
    let outcome = try await PythonCheck(script: "health_proto_matches.py", arguments: []).run()
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.output.contains("OK: proto-spec/grpc/health/v1/health.proto matches"))
  }

  @Test(
    "grpcio's health client gets the status over HTTP/2",
    arguments: [("", "SERVING"), ("echo.v1.Echo", "SERVING"), ("grpc.health.v1.Health", "SERVING")]
  )
  func grpcioCheck(service: String, expected: String) async throws {
    let health = HealthStatusManager()
    try await TestServers.withHTTP2(health: health) { _, port in
      let outcome = try await PythonCheck(
        script: "grpcio_health_check.py",
        arguments: ["127.0.0.1", "\(port)", "--service", service, "--expect-status", expected]
      ).run()
      #expect(outcome.status == 0, "\(outcome)")
      #expect(outcome.output.contains("Check('\(service)') = \(expected)"), "\(outcome)")
      #expect(outcome.output.contains("List: 'echo.v1.Echo' = SERVING"), "\(outcome)")
    }
  }

  @Test("grpcio sees NOT_SERVING once the server's status flips")
  func grpcioSeesNotServing() async throws {
    let health = HealthStatusManager()
    try await TestServers.withHTTP2(health: health) { _, port in
      health.setStatus(.notServing, forService: "")
      let outcome = try await PythonCheck(
        script: "grpcio_health_check.py",
        arguments: ["127.0.0.1", "\(port)", "--expect-status", "NOT_SERVING"]
      ).run()
      #expect(outcome.status == 0, "\(outcome)")
      #expect(outcome.output.contains("Check('') = NOT_SERVING"), "\(outcome)")
    }
  }
}
