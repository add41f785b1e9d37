import GRPCCore

/// The echo service the benchmark calls: Get answers the request's text; the streaming methods
/// are not benchmarked.
struct BenchEchoService: Echo_V1_Echo.SimpleServiceProtocol {
  func get(request: Echo_V1_EchoRequest, context: ServerContext) async throws
    -> Echo_V1_EchoResponse
  {
    .with { $0.text = request.text }
  }

  func expand(
    request: Echo_V1_EchoRequest,
    response: RPCWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    throw RPCError(code: .unimplemented, message: "transport-bench only serves Get")
  }

  func collect(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    context: ServerContext
  ) async throws -> Echo_V1_EchoResponse {
    throw RPCError(code: .unimplemented, message: "transport-bench only serves Get")
  }

  func update(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    response: RPCWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    throw RPCError(code: .unimplemented, message: "transport-bench only serves Get")
  }
}
