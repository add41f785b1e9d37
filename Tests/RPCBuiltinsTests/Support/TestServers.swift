import EchoTestSupport
import FramedRPC
import GRPCCore
import GRPCInProcessTransport
import GRPCNIOTransportHTTP2Posix
import RPCBuiltins

/// Servers with the built-in services, on the transports the tests use.
enum TestServers {
  /// Runs `services` plus the built-ins on `transport`, with clients connected to it.
  static func with<Result: Sendable>(
    _ transport: TestTransport,
    health: HealthStatusManager,
    services: [any RegistrableRPCService] = [EchoService()],
    body: (RunningServer) async throws -> Result
  ) async throws -> Result {
    switch transport {
    case .inProcess:
      let inProcess = InProcessTransport()
      let all = BuiltinServices.services(
        serving: services,
        health: health,
        transport: InProcessTransport.Server.self
      )
      return try await withGRPCServer(transport: inProcess.server, services: all) { server in
        try await withGRPCClient(transport: inProcess.client) { client in
          try await body(Self.running(transport, server: server, client: client, health: health))
        }
      }
    case .http2:
      return try await Self.withHTTP2(health: health, services: services) { server, port in
        try await Self.withHTTP2Client(port: port) { client in
          try await body(
            Self.running(transport, server: server, client: client, health: health, port: port)
          )
        }
      }
    case .framedRPC:
      return try await Self.withFramedRPC(health: health, services: services) { server, port in
        let client = FramedRPCClientTransport(
          target: FramedRPCAddress(host: "127.0.0.1", port: port))
        return try await withGRPCClient(transport: client) { client in
          try await body(
            Self.running(transport, server: server, client: client, health: health, port: port)
          )
        }
      }
    }
  }

  /// `services` plus the built-ins over FramedRPC on a free loopback port.
  static func withFramedRPC<Result: Sendable>(
    health: HealthStatusManager,
    services: [any RegistrableRPCService] = [EchoService()],
    body: (GRPCServer<FramedRPCServerTransport>, Int) async throws -> Result
  ) async throws -> Result {
    let transport = FramedRPCServerTransport(address: FramedRPCAddress(host: "127.0.0.1", port: 0))
    let all = BuiltinServices.services(
      serving: services,
      health: health,
      transport: FramedRPCServerTransport.self
    )
    return try await withGRPCServer(transport: transport, services: all) { server in
      let address = try await transport.listeningAddress
      return try await body(server, address.port)
    }
  }

  /// `services` plus the built-ins over gRPC/HTTP2 (plaintext) on a free loopback port.
  static func withHTTP2<Result: Sendable>(
    health: HealthStatusManager,
    services: [any RegistrableRPCService] = [EchoService()],
    body: (GRPCServer<HTTP2ServerTransport.Posix>, Int) async throws -> Result
  ) async throws -> Result {
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .plaintext
    )
    let all = BuiltinServices.services(
      serving: services,
      health: health,
      transport: HTTP2ServerTransport.Posix.self
    )
    return try await withGRPCServer(transport: transport, services: all) { server in
      guard let port = try await transport.listeningAddress.ipv4?.port else {
        throw TestFailure("the HTTP/2 server did not bind an IPv4 loopback port")
      }
      return try await body(server, port)
    }
  }

  /// A gRPC/HTTP2 client of a loopback server.
  static func withHTTP2Client<Result: Sendable>(
    port: Int,
    body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: "127.0.0.1", port: port),
      transportSecurity: .plaintext
    )
    return try await withGRPCClient(transport: transport) { client in
      try await body(client)
    }
  }

  static func running<Server: ServerTransport, Client: ClientTransport>(
    _ transport: TestTransport,
    server: GRPCServer<Server>,
    client: GRPCClient<Client>,
    health: HealthStatusManager,
    port: Int? = nil
  ) -> RunningServer {
    RunningServer(
      transport: transport,
      health: Grpc_Health_V1_Health.Client(wrapping: client),
      listing: Rpcbuiltins_V1_MethodListing.Client(wrapping: client),
      echo: Echo_V1_Echo.Client(wrapping: client),
      port: port,
      beginShutdown: { delay in
        await server.beginGracefulShutdown(health: health, notServingDelay: delay)
      }
    )
  }
}
