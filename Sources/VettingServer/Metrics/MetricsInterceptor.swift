import GRPCCore

/// Counts every call, its latency (from the request to the trailers, streaming bodies
/// included) and its final status code into ``ServerMetrics``.
struct MetricsInterceptor: ServerInterceptor {
  let metrics: ServerMetrics

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (StreamingServerRequest<Input>, ServerContext) async throws ->
      StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let method = "/\(context.descriptor.service.fullyQualifiedService)/\(context.descriptor.method)"
    let metrics = self.metrics
    let start = ContinuousClock.now
    metrics.callStarted(method: method)
    let finish: @Sendable ((any Error)?) -> Void = { error in
      metrics.callFinished(
        method: method, code: error.map(Self.code(of:)), duration: .now - start)
    }
    var response: StreamingServerResponse<Output>
    do {
      response = try await next(request, context)
    } catch {
      finish(error)
      throw error
    }
    switch response.accepted {
    case .success(var contents):
      let producer = contents.producer
      contents.producer = { writer in
        do {
          let trailers = try await producer(writer)
          finish(nil)
          return trailers
        } catch {
          finish(error)
          throw error
        }
      }
      response.accepted = .success(contents)
    case .failure(let error):
      finish(error)
    }
    return response
  }

  static func code(of error: any Error) -> RPCError.Code {
    if let error = error as? RPCError { return error.code }
    if let error = error as? any RPCErrorConvertible { return error.rpcErrorCode }
    if error is CancellationError { return .cancelled }
    return .unknown
  }
}
