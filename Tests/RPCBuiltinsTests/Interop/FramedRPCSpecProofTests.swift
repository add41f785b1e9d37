import RPCBuiltins
import Testing

/// The spec proof: `ops/checks/framedrpc_health_check.py`, written from proto-spec/FRAMING.md
/// alone with only sockets and the official protobuf package, calls health over FramedRPC.
@Suite("FramedRPC spec proof", .timeLimit(.minutes(2)))
struct FramedRPCSpecProofTests {
  @Test(
    "a client written from FRAMING.md alone calls Health/Check over FramedRPC",
    arguments: [
      (service: "", status: "SERVING", code: 0),
      (service: "echo.v1.Echo", status: "NOT_SERVING", code: 0),
      (service: "nope.v1.Nope", status: "", code: 5),
    ]
  )
  func healthCheck(service: String, status: String, code: Int) async throws {
    let health = HealthStatusManager()
    health.setStatus(.notServing, forService: "echo.v1.Echo")
    try await TestServers.withFramedRPC(health: health) { _, port in
      var arguments = ["127.0.0.1", "\(port)", "--service", service, "--expect-code", "\(code)"]
      if !status.isEmpty {
        arguments += ["--expect-status", status]
      }
      let outcome = try await PythonCheck(
        script: "framedrpc_health_check.py",
        arguments: arguments
      ).run()
      #expect(outcome.status == 0, "\(outcome)")
      #expect(outcome.output.contains("received: preface v1"), "\(outcome)")
      #expect(outcome.output.contains("received: TRAILERS code=\(code)"), "\(outcome)")
      if code == 0 {
        #expect(outcome.output.contains("received: MESSAGE status=\(status)"), "\(outcome)")
        #expect(
          outcome.output.contains("OK: /grpc.health.v1.Health/Check for '\(service)' is \(status)"))
      }
    }
  }
}
