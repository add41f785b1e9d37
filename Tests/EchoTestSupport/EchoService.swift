public import GRPCCore
public import RPCBuiltins

/// The echo service with one method of each call kind: Get answers its text, Expand one
/// response per word, Collect the words joined, Update each message back. The built-in services
/// tests list its methods and the transport benchmark calls Get; FramedRPC's own tests use an
/// observed variant (`CountingEchoService`) that also honours the request's count, padding and
/// delay.
public struct EchoService: Echo_V1_Echo.SimpleServiceProtocol {
  public init() {}

  public func get(request: Echo_V1_EchoRequest, context: ServerContext) async throws
    -> Echo_V1_EchoResponse
  {
    .with { $0.text = request.text }
  }

  public func expand(
    request: Echo_V1_EchoRequest,
    response: RPCWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    for word in request.text.split(separator: " ") {
      try await response.write(.with { $0.text = String(word) })
    }
  }

  public func collect(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    context: ServerContext
  ) async throws -> Echo_V1_EchoResponse {
    var words: [String] = []
    for try await message in request {
      words.append(message.text)
    }
    return .with { $0.text = words.joined(separator: " ") }
  }

  public func update(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    response: RPCWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    for try await message in request {
      try await response.write(.with { $0.text = message.text })
    }
  }
}

extension EchoService: MethodListable {
  public static var listedMethods: [ListedMethod] {
    [
      ListedMethod(Echo_V1_Echo.Method.Get.self),
      ListedMethod(Echo_V1_Echo.Method.Expand.self),
      ListedMethod(Echo_V1_Echo.Method.Collect.self),
      ListedMethod(Echo_V1_Echo.Method.Update.self),
    ]
  }
}

extension Echo_V1_Echo.Method.Get: GeneratedMethod {}
extension Echo_V1_Echo.Method.Expand: GeneratedMethod {}
extension Echo_V1_Echo.Method.Collect: GeneratedMethod {}
extension Echo_V1_Echo.Method.Update: GeneratedMethod {}
