import Foundation
import LibPQ
import PGTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `ops/lib/slow_connect_proxy.py` in front of the test database.
struct SlowConnectProxy {
  let process: SpawnedProcess
  /// The database's configuration with the proxy's host and port.
  let configuration: PostgresConfiguration

  static func start(
    forwardingTo target: PostgresConfiguration, delaySeconds: Int, filePath: String = #filePath
  ) async throws -> SlowConnectProxy {
    // Tests/VettingServerTests/Support/<file> → the checkout's root.
    let root = URL(fileURLWithPath: filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let script = root.appendingPathComponent("ops/lib/slow_connect_proxy.py").path
    let process = try SpawnedProcess(
      "/usr/bin/python3",
      [
        script, "--host", target.host ?? "127.0.0.1", "--port", "\(target.port ?? 5432)",
        "--delay", "\(delaySeconds)",
      ],
      environment: ["PATH": "/usr/bin:/bin"])
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      let printed = process.output().trimmingCharacters(in: .whitespacesAndNewlines)
      if let port = Int(printed) {
        var configuration = target
        configuration.host = "127.0.0.1"
        configuration.port = port
        return SlowConnectProxy(process: process, configuration: configuration)
      }
      if let status = await process.exitStatus(within: .milliseconds(50)) {
        throw ServerProcessError("the slow-connect proxy exited (\(status)): \(printed)")
      }
    }
    process.send(SIGKILL)
    throw ServerProcessError("the slow-connect proxy printed no port within 30 s")
  }

  func stop() { process.send(SIGKILL) }
}
