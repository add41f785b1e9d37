import EchoTestSupport
import FramedRPC
import GRPCCore
import Testing

/// Runs an echo server on a free loopback port for the duration of `body`.
func withEchoServer<T: Sendable>(
  config: FramedRPCServerTransport.Config = .defaults,
  _ body: (
    _ server: GRPCServer<FramedRPCServerTransport>, _ port: Int, _ service: CountingEchoService
  )
    async throws -> T
) async throws -> T {
  let service = CountingEchoService()
  let transport = FramedRPCServerTransport(
    address: FramedRPCAddress(host: "127.0.0.1", port: 0),
    config: config
  )
  let server = GRPCServer(transport: transport, services: [service])
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await server.serve() }
    let port = try await transport.listeningAddress.port
    do {
      let result = try await body(server, port, service)
      server.beginGracefulShutdown()
      try await group.waitForAll()
      return result
    } catch {
      group.cancelAll()
      throw error
    }
  }
}

/// Runs a client connected to `port` for the duration of `body`.
func withEchoClient<T: Sendable>(
  port: Int,
  config: FramedRPCClientTransport.Config = .defaults,
  _ body: (_ echo: Echo_V1_Echo.Client<FramedRPCClientTransport>) async throws -> T
) async throws -> T {
  let transport = FramedRPCClientTransport(
    target: FramedRPCAddress(host: "127.0.0.1", port: port),
    config: config
  )
  return try await withGRPCClient(transport: transport) { client in
    try await body(Echo_V1_Echo.Client(wrapping: client))
  }
}

/// Waits until `condition` holds, polling; fails the test if it does not within `timeout`.
func eventually(
  within timeout: Duration = .seconds(10),
  _ what: String,
  _ condition: () -> Bool
) async throws {
  let deadline = ContinuousClock.now + timeout
  while !condition() {
    if ContinuousClock.now > deadline {
      Issue.record("timed out after \(timeout) waiting for: \(what)")
      throw TimeoutError(what: what)
    }
    try await Task.sleep(for: .milliseconds(10))
  }
}

/// Runs `body`, failing with `TimeoutError` if it takes longer than `timeout`.
func withTimeout<T: Sendable>(
  _ timeout: Duration,
  _ what: String,
  _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
  try await withThrowingTaskGroup(of: T?.self) { group in
    group.addTask { try await body() }
    group.addTask {
      try await Task.sleep(for: timeout)
      return nil
    }
    guard let first = try await group.next(), let value = first else {
      group.cancelAll()
      throw TimeoutError(what: what)
    }
    group.cancelAll()
    return value
  }
}

/// A bounded wait ran out.
struct TimeoutError: Error, CustomStringConvertible {
  var what: String
  var description: String { "timed out: \(self.what)" }
}
