public import GRPCCore
import Logging
import VettingStore

/// Authenticates every call with its `authorization: Bearer <secret>` metadata and applies
/// ``AccessPolicy``.
///
/// - No token, a malformed header, or a secret no live token has (unknown, revoked, expired):
///   UNAUTHENTICATED.
/// - A token whose role the policy does not allow for the service: PERMISSION_DENIED.
/// - Services in ``AccessPolicy/publicServices`` (health, method listing) need no token.
/// - The token store unreachable: UNAVAILABLE.
///
/// The caller reaches the handler as ``Principal/current``, for unary handlers and for the
/// producers of streaming responses alike.
public struct AuthInterceptor: ServerInterceptor {
  private let authenticator: TokenAuthenticator
  private let logger: Logger

  /// Creates the interceptor over `authenticator`.
  public init(authenticator: TokenAuthenticator, logger: Logger = Logger(label: "vetting.auth")) {
    self.authenticator = authenticator
    self.logger = logger
  }

  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (StreamingServerRequest<Input>, ServerContext) async throws ->
      StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let service = context.descriptor.service.fullyQualifiedService
    if AccessPolicy.publicServices.contains(service) {
      return try await next(request, context)
    }
    let principal = try await authenticate(request.metadata)
    guard AccessPolicy.allows(principal.role, service: service) else {
      throw RPCError(
        code: .permissionDenied,
        message:
          "token '\(principal.name)' has role \(principal.role.rawValue), which may not call \(service)"
      )
    }
    var response = try await Principal.$current.withValue(principal) {
      try await next(request, context)
    }
    // A streaming response is produced after `next` returns: bind the principal there too.
    if case .success(var contents) = response.accepted {
      let producer = contents.producer
      contents.producer = { writer in
        try await Principal.$current.withValue(principal) { try await producer(writer) }
      }
      response.accepted = .success(contents)
    }
    return response
  }

  private func authenticate(_ metadata: Metadata) async throws -> Principal {
    let values = Array(metadata[stringValues: "authorization"])
    guard let header = values.first else {
      throw RPCError(
        code: .unauthenticated,
        message: "missing authorization metadata; send 'authorization: Bearer <token secret>'")
    }
    guard values.count == 1 else {
      throw RPCError(code: .unauthenticated, message: "more than one authorization value was sent")
    }
    let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
      throw RPCError(
        code: .unauthenticated, message: "the authorization value must be 'Bearer <token secret>'")
    }
    let principal: Principal?
    do {
      principal = try await authenticator.principal(secret: String(parts[1]))
    } catch {
      throw ServiceError.rpcError(for: error, logger: logger)
    }
    guard let principal else {
      throw RPCError(
        code: .unauthenticated, message: "the token is unknown, revoked or expired")
    }
    return principal
  }
}
