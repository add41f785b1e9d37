import GRPCCore
import RPCBuiltins

/// The echo service of FramedRPC's tests (same proto), here so the method listing has a user
/// service with every call kind to list.
struct EchoService: Echo_V1_Echo.SimpleServiceProtocol {
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
    for word in request.text.split(separator: " ") {
      try await response.write(.with { $0.text = String(word) })
    }
  }

  func collect(
    request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>,
    context: ServerContext
  ) async throws -> Echo_V1_EchoResponse {
    var words: [String] = []
    for try await message in request {
      words.append(message.text)
    }
    return .with { $0.text = words.joined(separator: " ") }
  }

  func update(
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
  static var listedMethods: [ListedMethod] {
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
