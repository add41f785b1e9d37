import FramedRPC
import GRPCCore
import GRPCProtobuf
import VettingAPI

/// A client of a ProviderVetting server: typed async methods for every Directory, Admin, Tokens
/// and Audit call, over one multiplexed FramedRPC connection shared by every call.
///
/// - Every call has a deadline (``Configuration/defaultTimeout`` or
///   ``VettingCallOptions/timeout``); past it the call fails with DEADLINE_EXCEEDED.
/// - Idempotent reads (the Directory methods and ``listTokens(_:options:)``) are retried on
///   UNAVAILABLE with exponential backoff and jitter (``RetryPolicy``), within the deadline;
///   nothing else is retried (not the Audit streams either: rows may already be handed on).
/// - Failures are `RPCError`s with gRPC status codes (UNAUTHENTICATED, PERMISSION_DENIED,
///   INVALID_ARGUMENT naming the field, NOT_FOUND, ABORTED on a stale version, UNAVAILABLE…).
///
/// ```swift
/// try await withVettingClient(host: "vetting.example.org", port: 7420, token: secret) { client in
///   var request = Vetting_V1_SearchProvidersRequest()
///   request.text = "integration"
///   let page = try await client.searchProviders(request)
///   for hit in page.hits { print(hit.name, hit.score) }
/// }
/// ```
///
/// Create one client per process and share it (it is `Sendable`); call ``close()`` when done,
/// or use ``withVettingClient(host:port:token:_:)``.
public final class VettingClient: Sendable {
  /// The settings the client was created with.
  public let configuration: Configuration
  let grpc: GRPCClient<FramedRPCClientTransport>
  let directory: Vetting_V1_Directory.Client<FramedRPCClientTransport>
  let admin: Vetting_V1_Admin.Client<FramedRPCClientTransport>
  let tokens: Vetting_V1_Tokens.Client<FramedRPCClientTransport>
  private let connections: Task<Void, any Error>

  /// Creates a client and starts connecting in the background; calls made before the
  /// connection is up wait for it (within their deadline).
  public init(configuration: Configuration) {
    self.configuration = configuration
    let transport = FramedRPCClientTransport(
      target: FramedRPCAddress(host: configuration.host, port: configuration.port),
      config: configuration.transport)
    let grpc = GRPCClient(transport: transport)
    self.grpc = grpc
    self.directory = Vetting_V1_Directory.Client(wrapping: grpc)
    self.admin = Vetting_V1_Admin.Client(wrapping: grpc)
    self.tokens = Vetting_V1_Tokens.Client(wrapping: grpc)
    // GRPCClient needs `runConnections()` running for as long as it is used; the task ends
    // when `close()` shuts the client down.
    self.connections = Task { try await grpc.runConnections() }
  }

  /// Creates a client of `host:port` authenticating with `token`, with default settings.
  public convenience init(host: String, port: Int, token: String?) {
    self.init(configuration: Configuration(host: host, port: port, token: token))
  }

  deinit {
    self.grpc.beginGracefulShutdown()
  }

  /// Lets calls in flight finish, refuses new ones, and closes the connection.
  public func close() async {
    self.grpc.beginGracefulShutdown()
    _ = try? await self.connections.value
  }

  /// Runs one unary call with the client's deadline, metadata and retry rules.
  func call<Request: Sendable, Response: Sendable>(
    _ message: Request,
    options: VettingCallOptions,
    idempotent: Bool,
    _ body: @Sendable (ClientRequest<Request>, CallOptions) async throws -> Response
  ) async throws -> Response {
    let timeout = options.timeout ?? self.configuration.defaultTimeout
    let deadline = ContinuousClock.now + timeout
    let policy = self.configuration.retryPolicy
    let maxAttempts = idempotent && options.retries ? policy.maxAttempts : 1
    var metadata = Metadata()
    if let token = self.configuration.token {
      metadata.addString("Bearer \(token)", forKey: "authorization")
    }
    var attempt = 1
    while true {
      let remaining = deadline - .now
      guard remaining > .zero else {
        throw RPCError(
          code: .deadlineExceeded, message: "the call's deadline of \(timeout) passed")
      }
      var callOptions = CallOptions.defaults
      callOptions.timeout = remaining
      do {
        return try await body(ClientRequest(message: message, metadata: metadata), callOptions)
      } catch let error as RPCError where error.code == .unavailable && attempt < maxAttempts {
        let delay = policy.delay(afterAttempt: attempt)
        guard ContinuousClock.now + delay < deadline else { throw error }
        try await Task.sleep(for: delay)
        attempt += 1
      }
    }
  }
}
