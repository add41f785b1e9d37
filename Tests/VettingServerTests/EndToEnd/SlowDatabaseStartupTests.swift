import PGTestSupport
import Testing
import VettingClient

/// A database that answers, only slowly: the server must start serving it, not refuse its first
/// calls. Two CI runs failed that way (RELIABILITY.md, "One slow probe made a server refuse
/// every call"): the startup probe's 2 s connect limit was shorter than a new connection took.
@Suite("vetting-server process: a database slow to connect to")
struct SlowDatabaseStartupTests {
  @Test(
    "every connection takes 3 s to open: the server listens SERVING and answers its first call")
  func startsServingThroughASlowConnect() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-slow-connect") { database in
      let proxy = try await SlowConnectProxy.start(
        forwardingTo: database.configuration, delaySeconds: 3)
      defer { proxy.stop() }
      try await ServerProcess.with(databaseURL: proxy.configuration.urlString) { server in
        #expect(try EndToEnd.status(await EndToEnd.health(server)) == .serving, "\(server.log)")
        let token = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
        try await EndToEnd.withClient(server, token: token) { client in
          // Not refused is the point, so no retry. The deadline is generous because with every
          // connection taking 3 s the first call may open two in turn (the token's check, then
          // the search) behind the health probe's.
          let began = ContinuousClock.now
          do {
            let hits = try await client.searchProviders(
              .init(), options: VettingCallOptions(timeout: .seconds(30), retries: false))
            #expect(hits.hits.isEmpty)
          } catch {
            let elapsed = ContinuousClock.now - began
            Issue.record("the first search failed after \(elapsed): \(error)\nlog:\n\(server.log)")
          }
        }
        #expect(!server.log.contains("database unreachable"), "\(server.log)")
      }
    }
  }
}
