import Foundation
import GRPCCore
import PGTestSupport
import Testing
import VettingAPI

#if canImport(Glibc)
  import Glibc
#endif

/// SIGTERM with a gRPC/HTTP2 client that never answers: the drain does not wait for it.
@Suite("vetting-server process: draining gRPC/HTTP2 connections")
struct HTTP2DrainTests {
  @Test(
    """
    a client that never answers the GOAWAY's PING does not hold the stop; a call in flight on \
    another connection still completes
    """)
  func aSilentClientDoesNotHoldTheDrain() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-h2-drain") { database in
      // Every vetting call waits 5 s in the server, so the call below is still running when
      // the idle connections are closed (2 s into the drain); the drain timeout is far above.
      let server = try await ServerProcess.start(
        databaseURL: database.url,
        arguments: ["--debug-call-delay", "5", "--drain-timeout", "30"])
      let referral = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
      // Sends the HTTP/2 preface and SETTINGS, then neither reads nor writes again: before the
      // fix, the server waited out its whole drain timeout for this connection's PING answer.
      let silent = try SilentHTTP2Client(port: server.grpcPort)
      defer { silent.close() }
      try await EndToEnd.withHTTP2Client(server) { grpc in
        let inFlight = Task {
          var metadata = Metadata()
          metadata.addString("Bearer \(referral)", forKey: "authorization")
          var options = CallOptions.defaults
          options.timeout = .seconds(60)
          return try await Vetting_V1_Directory.Client(wrapping: grpc).getRubric(
            .init(), metadata: metadata, options: options)
        }
        try await EndToEnd.eventually("the call to be in flight in the server") {
          let metrics = (try? await EndToEnd.metrics(server)) ?? ""
          return EndToEnd.sample("vetting_rpc_in_flight_calls", in: metrics) == 1
        }
        let asked = ContinuousClock.now
        server.process.send(SIGTERM)
        let rubric = try await inFlight.value
        #expect(!rubric.criteria.isEmpty, "the in-flight call was answered in full")
        let status = await server.process.exitStatus(within: .seconds(40))
        let took = ContinuousClock.now - asked
        #expect(status == 0, "\(server.log)")
        // The call takes up to 5 s; the silent connection is closed 2 s into the drain.
        #expect(took < .seconds(20), "stopped after \(took), drain timeout 30 s: \(server.log)")
        #expect(
          server.log.contains("closed gRPC/HTTP2 connections with no stream open"),
          "\(server.log)")
      }
    }
  }
}

/// A TCP connection that opens HTTP/2 (preface and an empty SETTINGS frame) and then goes
/// silent: it never reads what the server sends, so it never answers a PING.
private struct SilentHTTP2Client {
  let descriptor: Int32

  init(port: Int) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw ServerProcessError("socket: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      Glibc.close(descriptor)
      throw ServerProcessError("connect to 127.0.0.1:\(port): errno \(errno)")
    }
    let opening = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + [0, 0, 0, 4, 0, 0, 0, 0, 0]
    let sent = opening.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
    guard sent == opening.count else {
      Glibc.close(descriptor)
      throw ServerProcessError("send to 127.0.0.1:\(port): \(sent) of \(opening.count) bytes")
    }
  }

  func close() { _ = Glibc.close(descriptor) }
}
