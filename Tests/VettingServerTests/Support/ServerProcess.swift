import Foundation
import PGTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built `vetting-server` executable running as a child process, as an operator runs it.
///
/// It listens on free loopback ports (FramedRPC, gRPC/HTTP2 and `/metrics`), which it reports
/// in its log; ``start(databaseURL:arguments:)`` waits for those lines.
final class ServerProcess: Sendable {
  let process: SpawnedProcess
  let framedPort: Int
  let grpcPort: Int
  let metricsPort: Int

  private init(process: SpawnedProcess, framedPort: Int, grpcPort: Int, metricsPort: Int) {
    self.process = process
    self.framedPort = framedPort
    self.grpcPort = grpcPort
    self.metricsPort = metricsPort
  }

  /// Starts the server on `databaseURL` with `--migrate` and `arguments`, and waits until all three
  /// listeners are up. Throws with the server's log when it exits or does not come up in 60 s.
  static func start(databaseURL: String, arguments: [String] = []) async throws -> ServerProcess {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("VETTING_") }
    environment["VETTING_DATABASE_URL"] = databaseURL
    let process = try SpawnedProcess(
      try executable(),
      [
        "--migrate", "--listen", "127.0.0.1:0", "--grpc-listen", "127.0.0.1:0",
        "--metrics-listen", "127.0.0.1:0",
      ] + (arguments.contains("--drain-timeout") ? [] : ["--drain-timeout", "12"]) + arguments,
      environment: environment)
    let deadline = ContinuousClock.now + .seconds(60)
    while true {
      let log = process.output()
      if let framed = port(in: log, after: "FramedRPC listening"),
        let grpc = port(in: log, after: "gRPC/HTTP2 listening"),
        let metrics = port(in: log, after: "metrics listening")
      {
        return ServerProcess(
          process: process, framedPort: framed, grpcPort: grpc, metricsPort: metrics)
      }
      if let status = await process.exitStatus(within: .milliseconds(50)) {
        throw ServerProcessError("vetting-server exited with status \(status) at startup:\n\(log)")
      }
      if ContinuousClock.now > deadline {
        process.send(SIGKILL)
        throw ServerProcessError("vetting-server did not start listening in 60 s:\n\(log)")
      }
    }
  }

  /// Runs `body` with a started server, then stops it with SIGTERM (SIGKILL after 30 s).
  static func with<T: Sendable>(
    databaseURL: String, arguments: [String] = [], _ body: (ServerProcess) async throws -> T
  ) async throws -> T {
    let server = try await start(databaseURL: databaseURL, arguments: arguments)
    do {
      let value = try await body(server)
      _ = await server.stop()
      return value
    } catch {
      _ = await server.stop()
      throw error
    }
  }

  /// Sends SIGTERM and returns the exit status; SIGKILL when it has not exited within 30 s.
  ///
  /// The servers run with `--drain-timeout 12` unless a test sets one. A stop that takes over
  /// 10 s is printed with the server's log (its "still draining" lines name what was open),
  /// not failed: `sigtermDrains` and `HTTP2DrainTests` check the drain itself.
  func stop() async -> Int32 {
    process.send(SIGTERM)
    let asked = ContinuousClock.now
    if let status = await process.exitStatus(within: .seconds(30)) {
      if ContinuousClock.now - asked > .seconds(10) {
        print("ServerProcess: a slow stop (\(ContinuousClock.now - asked)); log:\n\(log)")
      }
      return status
    }
    Issue.record("vetting-server ignored SIGTERM for 30 s; killed. Log:\n\(log)")
    process.send(SIGKILL)
    return await process.exitStatus
  }

  /// Everything the server has logged so far.
  var log: String { process.output() }

  /// The port in `address=…:PORT` on the first log line containing `message`.
  private static func port(in log: String, after message: String) -> Int? {
    guard let line = log.split(separator: "\n").first(where: { $0.contains(message) }),
      let range = line.range(of: "address=")
    else { return nil }
    var address = line[range.upperBound...].prefix { $0 != " " }
    if address.hasSuffix("/metrics") { address = address.dropLast("/metrics".count) }
    return address.split(separator: ":").last.flatMap { Int($0) }
  }

  /// `.build/<config>/vetting-server`, beside the test bundle (`swift build --build-tests` builds
  /// it), or `VETTING_SERVER_BINARY`.
  private static func executable() throws -> String {
    if let path = ProcessInfo.processInfo.environment["VETTING_SERVER_BINARY"], !path.isEmpty {
      return path
    }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for directory in [bundle, bundle.deletingLastPathComponent()] {
      let candidate = directory.appendingPathComponent("vetting-server").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw ServerProcessError(
      "cannot find the vetting-server executable beside \(bundle.path); build it (swift build "
        + "--build-tests builds it) or set VETTING_SERVER_BINARY")
  }
}

/// The server process could not be started or found.
struct ServerProcessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
