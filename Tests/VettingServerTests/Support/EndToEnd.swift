import Foundation
import FramedRPC
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import LibPQ
import RPCBuiltins
import Testing
import VettingAPI
import VettingClient
import VettingStore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What the end-to-end tests do to a running server: tokens, clients on each listener, metrics.
enum EndToEnd {
  /// Issues a token of `role` straight into the database, as `vetctl token bootstrap` does.
  static func issueToken(_ role: TokenRole, databaseURL: String) async throws -> String {
    let pool = ConnectionPool(
      configuration: try PostgresConfiguration(databaseURL),
      options: ConnectionPool.Options(maximumConnections: 1))
    do {
      let issued = try await TokenStore(pool: pool).issue(
        name: "e2e-\(role.rawValue)-\(UUID().uuidString.prefix(8))", role: role,
        actor: "vetting-server end-to-end test")
      await pool.close()
      return issued.secret
    } catch {
      await pool.close()
      throw error
    }
  }

  /// A `VettingClient` on the server's FramedRPC port.
  static func withClient<T: Sendable>(
    _ server: ServerProcess, token: String?,
    retryPolicy: VettingClient.RetryPolicy = VettingClient.RetryPolicy(),
    tls: FramedRPCClientTransport.TLS? = nil,
    _ body: (VettingClient) async throws -> T
  ) async throws -> T {
    var transport = FramedRPCClientTransport.Config.defaults
    transport.tls = tls
    transport.connectTimeout = .seconds(3)
    let client = VettingClient(
      configuration: .init(
        host: "127.0.0.1", port: server.framedPort, token: token, retryPolicy: retryPolicy,
        transport: transport))
    do {
      let value = try await body(client)
      await client.close()
      return value
    } catch {
      await client.close()
      throw error
    }
  }

  /// The overall health status (service "") over FramedRPC, or the error the check failed with.
  static func health(_ server: ServerProcess) async -> Result<
    Grpc_Health_V1_HealthCheckResponse.ServingStatus, RPCError
  > {
    do {
      let transport = FramedRPCClientTransport(
        target: FramedRPCAddress(host: "127.0.0.1", port: server.framedPort))
      var fiveSeconds = CallOptions.defaults
      fiveSeconds.timeout = .seconds(5)
      return try await withGRPCClient(transport: transport) { client in
        let response = try await Grpc_Health_V1_Health.Client(wrapping: client).check(
          .with { $0.service = "" }, options: fiveSeconds)
        return .success(response.status)
      }
    } catch let error as RPCError {
      return .failure(error)
    } catch {
      return .failure(RPCError(code: .unknown, message: "\(error)"))
    }
  }

  /// A standard gRPC client over HTTP/2 on the server's gRPC port.
  /// With `trustRootsFile`, over TLS trusting only the certificates in it.
  static func withHTTP2Client<T: Sendable>(
    _ server: ServerProcess, trustRootsFile: String? = nil,
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> T
  ) async throws -> T {
    let security: HTTP2ClientTransport.Posix.TransportSecurity =
      if let trustRootsFile {
        .tls { $0.trustRoots = .certificates([.file(path: trustRootsFile, format: .pem)]) }
      } else {
        .plaintext
      }
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: "127.0.0.1", port: server.grpcPort), transportSecurity: security)
    return try await withGRPCClient(transport: transport) { try await body($0) }
  }

  /// `GET /metrics`: the Prometheus text.
  static func metrics(_ server: ServerProcess) async throws -> String {
    let url = URL(string: "http://127.0.0.1:\(server.metricsPort)/metrics")!
    let (data, response) = try await URLSession.shared.data(from: url)
    let status = (response as? HTTPURLResponse)?.statusCode
    #expect(status == 200, "GET /metrics answered \(status.map(String.init) ?? "?")")
    return String(decoding: data, as: UTF8.self)
  }

  /// The value of the first sample line of `metric` whose labels contain every one of `labels`.
  static func sample(_ metric: String, _ labels: [String] = [], in text: String) -> Double? {
    for line in text.split(separator: "\n") where line.hasPrefix(metric) {
      let name = line.prefix { $0 != "{" && $0 != " " }
      guard name == metric, labels.allSatisfy({ line.contains($0) }) else { continue }
      return line.split(separator: " ").last.flatMap { Double($0) }
    }
    return nil
  }

  /// Polls `condition` every 100 ms until it holds; fails the test after `timeout`.
  static func eventually(
    _ what: String, within timeout: Duration = .seconds(20), _ condition: () async -> Bool
  ) async throws {
    let deadline = ContinuousClock.now + timeout
    while !(await condition()) {
      guard ContinuousClock.now < deadline else {
        Issue.record("timed out after \(timeout) waiting for: \(what)")
        throw ServerProcessError("timed out waiting for: \(what)")
      }
      try await Task.sleep(for: .milliseconds(100))
    }
  }

  /// A create request for a clinic with a name no other test uses.
  static func createClinic(_ name: String) -> Vetting_V1_CreateClinicRequest {
    .with {
      $0.externalID = "e2e-\(UUID().uuidString.lowercased())"
      $0.fields = .with {
        $0.name = name
        $0.statesServed = ["MI"]
      }
      $0.locations = [
        .with {
          $0.label = "Main office"
          $0.addressLine1 = "100 Main St"
          $0.city = "Lansing"
          $0.state = "MI"
          $0.postalCode = "48912"
          $0.latitude = 42.7325
          $0.longitude = -84.5555
          $0.isPrimary = true
        }
      ]
    }
  }
}
