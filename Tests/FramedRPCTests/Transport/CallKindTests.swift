import EchoTestSupport
import FramedRPC
import GRPCCore
import GRPCProtobuf
import Testing

/// The four call kinds, many calls at once, and an unknown method, through GRPCServer and
/// GRPCClient over FramedRPC.
@Suite("FramedRPC call kinds")
struct CallKindTests {
  @Test("unary: Get echoes the text and request metadata reaches the server")
  func unary() async throws {
    try await withEchoServer { _, port, service in
      try await withEchoClient(port: port) { echo in
        let reply = try await echo.get(.with { $0.text = "hello" }, metadata: ["x-id": "7"])
        #expect(reply.text == "hello")
        #expect(service.started == 1)
      }
    }
  }

  @Test("server streaming: Expand sends one response per word")
  func serverStreaming() async throws {
    try await withEchoServer { _, port, _ in
      try await withEchoClient(port: port) { echo in
        let texts = try await echo.expand(.with { $0.text = "a b c d" }) { response in
          try await response.messages.reduce(into: [String]()) { $0.append($1.text) }
        }
        #expect(texts == ["a", "b", "c", "d"])
      }
    }
  }

  @Test("client streaming: Collect joins every request")
  func clientStreaming() async throws {
    try await withEchoServer { _, port, _ in
      try await withEchoClient(port: port) { echo in
        let request = StreamingClientRequest<Echo_V1_EchoRequest> { writer in
          for word in ["x", "y", "z"] {
            try await writer.write(.with { $0.text = word })
          }
        }
        let reply = try await echo.collect(request: request)
        #expect(reply.text == "x y z")
      }
    }
  }

  @Test("client streaming with no message at all")
  func clientStreamingEmpty() async throws {
    try await withEchoServer { _, port, _ in
      try await withEchoClient(port: port) { echo in
        let reply = try await echo.collect(request: StreamingClientRequest { _ in })
        #expect(reply.text == "")
      }
    }
  }

  @Test("bidirectional streaming: Update answers each request as it arrives")
  func bidirectional() async throws {
    try await withEchoServer { _, port, _ in
      try await withEchoClient(port: port) { echo in
        let (requests, continuation) = AsyncStream.makeStream(of: String.self)
        let request = StreamingClientRequest<Echo_V1_EchoRequest> { writer in
          for await text in requests {
            try await writer.write(.with { $0.text = text })
          }
        }
        let answers = try await echo.update(request: request) { response in
          var answers: [String] = []
          continuation.yield("one")
          // Ping-pong: the next request is sent only after the previous answer arrived.
          for try await message in response.messages {
            answers.append(message.text)
            switch answers.count {
            case 1: continuation.yield("two")
            case 2: continuation.yield("three")
            default: continuation.finish()
            }
          }
          return answers
        }
        #expect(answers == ["one", "two", "three"])
      }
    }
  }

  @Test("1,000 concurrent unary calls share one connection")
  func thousandConcurrentCalls() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxConcurrentStreams = 1_000
    try await withEchoServer(config: config) { _, port, service in
      try await withEchoClient(port: port) { echo in
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
          for index in 0..<1_000 {
            group.addTask {
              try await echo.get(.with { $0.text = "call \(index)" }).text
            }
          }
          return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(texts.count == 1_000)
        #expect(texts.contains("call 999"))
        #expect(service.started == 1_000)
        #expect(service.peers.count == 1, "calls came over \(service.peers.count) connections")
      }
    }
  }

  @Test("an unknown method gets UNIMPLEMENTED")
  func unknownMethod() async throws {
    try await withEchoServer { _, port, _ in
      let transport = FramedRPCClientTransport(target: .init(host: "127.0.0.1", port: port))
      try await withGRPCClient(transport: transport) { client in
        let error = await #expect(throws: RPCError.self) {
          try await client.unary(
            request: ClientRequest(message: Echo_V1_EchoRequest()),
            descriptor: MethodDescriptor(fullyQualifiedService: "echo.v1.Echo", method: "Nope"),
            serializer: ProtobufSerializer<Echo_V1_EchoRequest>(),
            deserializer: ProtobufDeserializer<Echo_V1_EchoResponse>(),
            options: .defaults
          ) { try $0.message }
        }
        #expect(error?.code == .unimplemented)
      }
    }
  }
}
