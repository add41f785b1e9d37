import ArgumentParser
import Foundation
import VettingClient

/// Where the server is and how to authenticate: shared by every command that talks to it.
struct ServerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The vetting-server FramedRPC address, host:port (env VETTING_SERVER; default "
        + "127.0.0.1:7420).", valueName: "host:port"))
  var server: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The API token secret (pv_...) sent as a bearer token (env VETTING_TOKEN).",
      valueName: "secret"))
  var token: String?

  @Option(name: .long, help: "Seconds a call may take before it fails (default 30).")
  var timeout: Double = 30

  /// The address after flags, environment and default.
  func address() throws -> (host: String, port: Int) {
    let value =
      server ?? ProcessInfo.processInfo.environment["VETTING_SERVER"].flatMap {
        $0.isEmpty ? nil : $0
      } ?? "127.0.0.1:7420"
    guard let colon = value.lastIndex(of: ":"),
      let port = Int(value[value.index(after: colon)...]), (1...65535).contains(port)
    else {
      throw VetctlError.usage(
        "--server (VETTING_SERVER): \"\(value)\" is not host:port with a port in 1...65535")
    }
    var host = String(value[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    if host.isEmpty { host = "127.0.0.1" }
    return (host, port)
  }

  /// The token after flag and environment, if any.
  func resolvedToken() -> String? {
    if let token, !token.isEmpty { return token }
    if let env = ProcessInfo.processInfo.environment["VETTING_TOKEN"], !env.isEmpty { return env }
    return nil
  }

  /// Connects, runs `body` and closes the connection.
  func withClient<T: Sendable>(_ body: (VettingClient) async throws -> T) async throws -> T {
    let (host, port) = try address()
    guard timeout > 0, timeout <= 86_400 else {
      throw VetctlError.usage("--timeout: must be more than 0 and at most 86400 seconds")
    }
    var configuration = VettingClient.Configuration(
      host: host, port: port, token: resolvedToken(),
      defaultTimeout: .milliseconds(Int64(timeout * 1000)))
    // A CLI run is short: a couple of quick retries, not the library's patient default.
    configuration.retryPolicy = .init(maxAttempts: 3)
    return try await withVettingClient(configuration: configuration, body)
  }
}
