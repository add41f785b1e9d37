import Foundation
import GRPCCore
import PGTestSupport
import RPCBuiltins
import Testing
import VettingClient

/// The database stops under a running server and comes back, on a cluster of its own.
@Suite("vetting-server process: the database goes away and comes back")
struct DatabaseOutageTests {
  @Test(
    "UNAVAILABLE and NOT_SERVING while it is down; serving again, same process, when it returns")
  func outageAndRecovery() async throws {
    try await ThrowawayCluster.withCluster { cluster in
      let url = cluster.configuration.urlString
      try await ServerProcess.with(databaseURL: url, arguments: ["--db-check-interval", "0.2"]) {
        server in
        let token = try await EndToEnd.issueToken(.referral, databaseURL: url)
        // The default policy retries for about a second and a half; `ops/db start` alone can take
        // longer on a loaded CI machine, so this client retries for as long as its deadline allows.
        let patient = VettingClient.RetryPolicy(maxAttempts: 60, maxBackoff: .milliseconds(500))
        try await EndToEnd.withClient(server, token: token, retryPolicy: patient) { client in
          #expect(try await client.searchProviders(.init()).hits.isEmpty)
          #expect(try EndToEnd.status(await EndToEnd.health(server)) == .serving)

          try await cluster.pause()
          try await EndToEnd.eventually("health to report NOT_SERVING") {
            (try? EndToEnd.status(await EndToEnd.health(server))) == .notServing
          }
          let refused = await #expect(throws: RPCError.self) {
            try await client.searchProviders(.init(), options: VettingCallOptions(retries: false))
          }
          #expect(refused?.code == .unavailable)
          let metrics = try await EndToEnd.metrics(server)
          #expect(EndToEnd.sample("vetting_db_up_status", in: metrics) == 0, "\(metrics)")

          // A read issued during the outage is retried by the client and succeeds once the
          // database is back, within its deadline.
          let retried = Task {
            try await client.searchProviders(
              .init(), options: VettingCallOptions(timeout: .seconds(60)))
          }
          try await Task.sleep(for: .milliseconds(500))
          try await cluster.resume()
          #expect(try await retried.value.hits.isEmpty)
          try await EndToEnd.eventually("health to report SERVING again") {
            (try? EndToEnd.status(await EndToEnd.health(server))) == .serving
          }
          #expect(try await client.searchProviders(.init()).hits.isEmpty)
        }
        #expect(await server.process.exitStatus(within: .zero) == nil, "the server kept running")
      }
    }
  }
}

extension EndToEnd {
  static func status(
    _ result: Result<Grpc_Health_V1_HealthCheckResponse.ServingStatus, RPCError>
  ) throws -> Grpc_Health_V1_HealthCheckResponse.ServingStatus {
    try result.get()
  }
}
