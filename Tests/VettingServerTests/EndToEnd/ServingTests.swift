import Foundation
import FramedRPC
import GRPCCore
import PGTestSupport
import RPCBuiltins
import TLSTestSupport
import Testing
import VettingAPI
import VettingClient

/// The built `vetting-server` process, driven as users and operators drive it.
@Suite("vetting-server process: listeners, auth, metrics")
struct ServingTests {
  @Test("one database served over FramedRPC and gRPC/HTTP2, with calls counted on /metrics")
  func servesBothProtocolsAndMetrics() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-serving") { database in
      try await ServerProcess.with(databaseURL: database.url) { server in
        let admin = try await EndToEnd.issueToken(.admin, databaseURL: database.url)
        let referral = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
        let name = "Endtoend Clinic \(UUID().uuidString.prefix(6))"

        // Staff write over FramedRPC; a referral network reads it back, by text.
        let created = try await EndToEnd.withClient(server, token: admin) { client in
          try await client.createClinic(EndToEnd.createClinic(name))
        }
        #expect(created.name == name)
        #expect(created.hasAssessment)
        let hits = try await EndToEnd.withClient(server, token: referral) { client in
          try await client.searchProviders(.with { $0.text = name }).hits
        }
        #expect(hits.map(\.providerID) == [created.id])

        // A stock gRPC client over HTTP/2 reaches the same services and the same data.
        try await EndToEnd.withHTTP2Client(server) { grpc in
          let health = try await Grpc_Health_V1_Health.Client(wrapping: grpc).check(
            .with { $0.service = "vetting.v1.Directory" })
          #expect(health.status == .serving)
          var metadata = Metadata()
          metadata.addString("Bearer \(referral)", forKey: "authorization")
          let clinic = try await Vetting_V1_Directory.Client(wrapping: grpc).getClinic(
            .with { $0.id = created.id }, metadata: metadata)
          #expect(clinic.name == name)
        }

        // No token: UNAUTHENTICATED, and counted as such.
        let refused = await #expect(throws: RPCError.self) {
          try await EndToEnd.withClient(server, token: nil) { client in
            try await client.getRubric(.init())
          }
        }
        #expect(refused?.code == .unauthenticated)

        let metrics = try await EndToEnd.metrics(server)
        #expect(EndToEnd.sample("vetting_db_up_status", in: metrics) == 1, "\(metrics)")
        let searches = EndToEnd.sample(
          "vetting_rpc_started_total", ["SearchProviders"], in: metrics)
        #expect(searches == 1, "\(metrics)")
        let unauthenticated = EndToEnd.sample(
          "vetting_rpc_handled_total", ["GetRubric", "unauthenticated"], in: metrics)
        #expect(unauthenticated == 1, "\(metrics)")
        #expect(EndToEnd.sample("vetting_db_pool_open_connections", in: metrics) != nil)
        #expect(metrics.contains("vetting_rpc_duration_seconds_bucket"), "\(metrics)")
      }
    }
  }

  @Test("SIGTERM: the in-flight call completes, new connections are refused, exit status 0")
  func sigtermDrains() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-drain") { database in
      // Every vetting call waits 8 s in the server first, so one is surely in flight at SIGTERM.
      // (With 2 s, a CI run on a loaded machine polled /metrics too slowly to see the call
      // before it ended; the drain timeout, 30 s, is far above 8 s.)
      let server = try await ServerProcess.start(
        databaseURL: database.url, arguments: ["--debug-call-delay", "8"])
      let referral = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
      try await EndToEnd.withClient(server, token: referral) { client in
        let inFlight = Task {
          try await client.getRubric(
            .init(), options: VettingCallOptions(timeout: .seconds(60), retries: false))
        }
        try await EndToEnd.eventually("the call to be in flight in the server") {
          let metrics = (try? await EndToEnd.metrics(server)) ?? ""
          return EndToEnd.sample("vetting_rpc_in_flight_calls", in: metrics) == 1
        }
        server.process.send(SIGTERM)
        try await EndToEnd.eventually("the server to stop accepting connections") {
          if case .failure = await EndToEnd.health(server) { return true }
          return false
        }
        let rubric = try await inFlight.value
        #expect(!rubric.criteria.isEmpty, "the in-flight call was answered in full")
      }
      let status = await server.process.exitStatus(within: .seconds(30))
      #expect(status == 0, "\(server.log)")
      #expect(server.log.contains("listeners closed and in-flight calls drained"), "\(server.log)")
      #expect(server.log.contains("database pool closed"), "\(server.log)")
    }
  }

  @Test("with --tls-certificate and --tls-key both listeners speak TLS; plaintext is refused")
  func tls() async throws {
    let certificate = try TestCertificate.make()
    try await TestDatabase.withScratchDatabase(label: "e2e-tls") { database in
      let arguments = [
        "--tls-certificate", certificate.certificateFile, "--tls-key", certificate.privateKeyFile,
      ]
      try await ServerProcess.with(databaseURL: database.url, arguments: arguments) { server in
        #expect(server.log.contains("tls=on"), "\(server.log)")
        let referral = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
        let tls = try FramedRPCClientTransport.TLS.verifying(
          host: "127.0.0.1", trustRootsFile: certificate.certificateFile)
        let rubric = try await EndToEnd.withClient(server, token: referral, tls: tls) { client in
          try await client.getRubric(.init())
        }
        #expect(!rubric.criteria.isEmpty)

        try await EndToEnd.withHTTP2Client(server, trustRootsFile: certificate.certificateFile) {
          grpc in
          let health = try await Grpc_Health_V1_Health.Client(wrapping: grpc).check(.init())
          #expect(health.status == .serving)
        }

        let refused = await #expect(throws: RPCError.self) {
          try await EndToEnd.withClient(server, token: referral) { client in
            try await client.getRubric(
              .init(), options: VettingCallOptions(timeout: .seconds(5), retries: false))
          }
        }
        #expect(refused?.code == .unavailable || refused?.code == .deadlineExceeded)
      }
    }
  }

  @Test("a page token from one instance is accepted by another sharing --page-token-key")
  func pageTokensAcrossInstances() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-paging") { database in
      let shared = ["--page-token-key", String(repeating: "k", count: 40)]
      try await ServerProcess.with(databaseURL: database.url, arguments: shared) { first in
        try await ServerProcess.with(databaseURL: database.url, arguments: shared) { second in
          try await ServerProcess.with(databaseURL: database.url) { other in
            try await Self.pageAcross(database.url, first: first, second: second, other: other)
          }
        }
      }
    }
  }

  private static func pageAcross(
    _ url: String, first: ServerProcess, second: ServerProcess, other: ServerProcess
  ) async throws {
    do {
      let admin = try await EndToEnd.issueToken(.admin, databaseURL: url)
      let prefix = "Paging \(UUID().uuidString.prefix(6))"
      try await EndToEnd.withClient(first, token: admin) { client in
        for letter in ["A", "B", "C"] {
          _ = try await client.createClinic(EndToEnd.createClinic("\(prefix) \(letter)"))
        }
      }
      var request = Vetting_V1_SearchProvidersRequest.with {
        $0.text = prefix
        $0.sort = .name
        $0.pageSize = 1
      }
      let page1 = try await EndToEnd.withClient(first, token: admin) { client in
        try await client.searchProviders(request)
      }
      #expect(page1.hits.map(\.name) == ["\(prefix) A"])
      request.pageToken = page1.nextPageToken
      let page2 = try await EndToEnd.withClient(second, token: admin) { client in
        try await client.searchProviders(request)
      }
      #expect(page2.hits.map(\.name) == ["\(prefix) B"])
      let refused = await #expect(throws: RPCError.self) {
        try await EndToEnd.withClient(other, token: admin) { client in
          try await client.searchProviders(request)
        }
      }
      #expect(refused?.code == .invalidArgument)
      #expect(refused?.message.hasPrefix("page_token") == true, "\(refused?.message ?? "")")
    }
  }
}
