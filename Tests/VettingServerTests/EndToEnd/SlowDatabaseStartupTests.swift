import PGTestSupport
import Testing
import VettingClient

/// A database that answers, only slowly: the server must start serving it, not refuse its first
/// calls. Two CI runs failed that way (RELIABILITY.md, "One slow probe made a server refuse
/// every call"): the startup probe's 2 s connect limit was shorter than a new connection took.
@Suite("vetting-server process: a database slow to connect to")
struct SlowDatabaseStartupTests {
  @Test(
    "every connection takes 3 s to open: the server listens SERVING and answers its first call",
    .disabled(
      """
      Hangs in the full parallel suite only: in 2 of 3 fresh-clone CI runs on 2026-12-06 the \
      first search got no answer within 30 s (alone, and beside CPU hogs, it answers in 7 s). \
      Cause unknown: docs/SERVER.md, Known issues. Remove this trait to run it.
      """))
  func startsServingThroughASlowConnect() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-slow-connect") { database in
      let proxy = try await SlowConnectProxy.start(
        forwardingTo: database.configuration, delaySeconds: 3)
      defer { proxy.stop() }
      try await ServerProcess.with(databaseURL: proxy.configuration.urlString) { server in
        #expect(try EndToEnd.status(await EndToEnd.health(server)) == .serving, "\(server.log)")
        let token = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
        try await EndToEnd.withClient(server, token: token) { client in
          // Not refused is the point, so no retry; the deadline is generous because with every
          // connection taking 3 s the first call may open two in turn (the token's check, then
          // the search) behind the health probe's, and the full suite loads both cores. The
          // client's default 10 s once ran out in CI (2026-12-06).
          let hits = try await client.searchProviders(
            .init(), options: VettingCallOptions(timeout: .seconds(30), retries: false))
          #expect(hits.hits.isEmpty)
        }
        #expect(!server.log.contains("database unreachable"), "\(server.log)")
      }
    }
  }
}
