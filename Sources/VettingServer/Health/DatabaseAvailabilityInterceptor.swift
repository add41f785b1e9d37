import GRPCCore

/// Refuses calls to the vetting services with UNAVAILABLE while the database monitor says the
/// database is unreachable, so that clients fail fast and retry instead of waiting on a
/// connection that cannot open. Health and the method listing are always let through.
struct DatabaseAvailabilityInterceptor: ServerInterceptor {
  let monitor: DatabaseMonitor
  /// Services answered without the database.
  static let exempt: Set<String> = ["grpc.health.v1.Health", "rpcbuiltins.v1.MethodListing"]

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (StreamingServerRequest<Input>, ServerContext) async throws ->
      StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    if !self.monitor.isReachable,
      !Self.exempt.contains(context.descriptor.service.fullyQualifiedService)
    {
      throw RPCError(
        code: .unavailable,
        message: "the database is unreachable; the server reports NOT_SERVING, retry later")
    }
    return try await next(request, context)
  }
}
