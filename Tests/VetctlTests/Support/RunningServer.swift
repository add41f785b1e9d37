import Foundation
import PGTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A vetting-server process on a scratch database, set up the way an operator does it: `vetctl
/// migrate`, `vetctl token bootstrap`, then the server on a free port.
///
/// A process rather than the VettingServer library in-process: these tests are about the
/// binaries a user runs (flags, exit statuses, messages), and a separate process is what they
/// talk to in production.
struct RunningServer: Sendable {
  /// `host:port` of FramedRPC.
  var address: String
  /// The bootstrapped admin token.
  var adminToken: String
  /// The scratch database's URL.
  var databaseURL: String

  /// Runs `vetctl` with `arguments` against this server (admin token unless `token` is given).
  func vetctl(_ arguments: [String], token: String? = nil) async throws -> Spawned.Outcome {
    try await Spawned.run(
      Binaries.vetctl, arguments,
      environment: [
        "VETTING_SERVER": address, "VETTING_TOKEN": token ?? adminToken, "PATH": "/usr/bin:/bin",
      ])
  }

  /// Starts a server on a fresh scratch database (with `serverArguments` after the usual
  /// ones, e.g. `--rubric-version`), runs `body`, and stops both however it ends.
  static func with<T>(
    label: String, serverArguments: [String] = [], _ body: (RunningServer) async throws -> T
  ) async throws -> T {
    try await TestDatabase.withScratchDatabase(label: label) { database in
      let environment = ["PATH": "/usr/bin:/bin"]
      let migrate = try await Spawned.run(
        Binaries.vetctl, ["migrate", "--database-url", database.url], environment: environment)
      guard migrate.status == 0 else { throw SpawnError("vetctl migrate failed: \(migrate)") }
      let bootstrap = try await Spawned.run(
        Binaries.vetctl,
        ["token", "bootstrap", "--database-url", database.url, "--output", "csv"],
        environment: environment)
      guard bootstrap.status == 0,
        let secret = bootstrap.output.split(separator: "\n").last?.split(separator: ",").last
      else { throw SpawnError("vetctl token bootstrap failed: \(bootstrap)") }
      let server = try Spawned.start(
        Binaries.server,
        [
          "--database-url", database.url, "--listen", "127.0.0.1:0", "--metrics-listen", "off",
          "--drain-timeout", "2",
        ] + serverArguments, environment: environment)
      do {
        let address = try await listeningAddress(of: server)
        let running = RunningServer(
          address: address, adminToken: String(secret), databaseURL: database.url)
        let value = try await body(running)
        await stop(server)
        return value
      } catch {
        await stop(server)
        throw error
      }
    }
  }

  private static func stop(_ server: Spawned) async {
    server.signal(SIGTERM)
    let outcome = await server.wait()
    #expect(outcome.status == 0, "vetting-server did not stop cleanly: \(outcome.error)")
    // What the database monitor saw goes to the test log, so a call refused as UNAVAILABLE
    // can be told from a database that was really down (none of these tests stops it).
    let monitor = outcome.error.split(separator: "\n").filter {
      $0.contains("database probe failed") || $0.contains("database unreachable")
    }
    if !monitor.isEmpty {
      print("vetting-server's database monitor:\n" + monitor.joined(separator: "\n"))
    }
  }

  /// Reads the server's log until it says where it listens (within 60 s: the server waits up to
  /// 20 s for its database to answer, with probes of up to 10 s, before it listens).
  private static func listeningAddress(of server: Spawned) async throws -> String {
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      for line in server.errorSoFar.split(separator: "\n")
      where line.contains("FramedRPC listening") {
        if let range = line.range(of: "address=") {
          return String(line[range.upperBound...].prefix { !$0.isWhitespace })
        }
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    server.signal(SIGKILL)
    throw SpawnError("vetting-server did not start listening within 60 s: \(server.errorSoFar)")
  }
}
