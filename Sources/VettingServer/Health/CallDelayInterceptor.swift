import GRPCCore

/// Fault injection for tests (`--debug-call-delay`): holds every call to a vetting service for a
/// while before handling it, so a test can have a call in flight when it signals the server.
struct CallDelayInterceptor: ServerInterceptor {
  let delay: Duration

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (StreamingServerRequest<Input>, ServerContext) async throws ->
      StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    if !DatabaseAvailabilityInterceptor.exempt.contains(
      context.descriptor.service.fullyQualifiedService)
    {
      try await Task.sleep(for: self.delay)
    }
    return try await next(request, context)
  }
}
