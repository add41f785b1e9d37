import FramedRPC
import GRPCCore
import Testing

/// The client against servers that misbehave: calls fail with a clear status, never hang.
@Suite("FramedRPC client robustness")
struct ClientRobustnessTests {
  private static func fastFailing() -> FramedRPCClientTransport.Config {
    var config = FramedRPCClientTransport.Config.defaults
    config.connectTimeout = .seconds(2)
    config.backoffInitial = .milliseconds(50)
    return config
  }

  @Test("a server that does not speak FramedRPC fails calls with UNAVAILABLE")
  func notFramedRPC() async throws {
    let reply = Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)
    try await withScriptedServer([ScriptStep(afterReceiving: 1, reply: reply)]) { port in
      try await withEchoClient(port: port, config: Self.fastFailing()) { echo in
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "hi" })
        }
        #expect(error?.code == .unavailable)
      }
    }
  }

  @Test("a frame over the client's max frame size closes the connection: UNAVAILABLE")
  func frameTooLargeFromServer() async throws {
    let script = [
      ScriptStep(afterReceiving: Preface.size, reply: Preface.bytes()),
      ScriptStep(
        afterReceiving: Preface.size + Frame.headerSize,
        reply: [0x40, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01]
      ),
    ]
    try await withScriptedServer(script) { port in
      try await withEchoClient(port: port, config: Self.fastFailing()) { echo in
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "hi" })
        }
        #expect(error?.code == .unavailable)
        #expect(ContinuousClock.now - started < .seconds(5))
      }
    }
  }

  @Test("response metadata over the client's limit fails the call with RESOURCE_EXHAUSTED")
  func oversizedResponseMetadata() async throws {
    var trailers = Framedrpc_V1_Trailers()
    var entry = Framedrpc_V1_MetadataEntry()
    entry.key = "x-big"
    entry.text = String(repeating: "t", count: 20_000)
    trailers.metadata = [entry]
    let script = [
      ScriptStep(afterReceiving: Preface.size, reply: Preface.bytes()),
      ScriptStep(
        afterReceiving: Preface.size + Frame.headerSize,
        reply: frameBytes(.trailers, streamID: 1, payload: try trailers.serializedBytes())
      ),
    ]
    try await withScriptedServer(script) { port in
      try await withEchoClient(port: port, config: Self.fastFailing()) { echo in
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "hi" })
        }
        #expect(error?.code == .resourceExhausted)
      }
    }
  }

  @Test("a server that stops answering PINGs is dropped: the open call fails with UNAVAILABLE")
  func keepaliveTimeout() async throws {
    // The scripted server sends its preface and then nothing at all: no PONG, no response.
    let script = [ScriptStep(afterReceiving: Preface.size, reply: Preface.bytes())]
    var config = Self.fastFailing()
    config.keepaliveInterval = .milliseconds(100)
    config.keepaliveTimeout = .milliseconds(200)
    try await withScriptedServer(script) { port in
      try await withEchoClient(port: port, config: config) { echo in
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "anyone there?" })
        }
        #expect(error?.code == .unavailable)
        #expect(ContinuousClock.now - started < .seconds(5))
      }
    }
  }

  /// GRPCClient cancels the task running `connect()` when the scope that owns the client exits by
  /// throwing. The reconnect loop once read that as "attempt ended" and retried at once, forever,
  /// adding a task per turn until the process ran out of memory.
  @Test(
    "a client scope that throws ends the reconnect loop at once, connected or not",
    arguments: [true, false]
  )
  func throwingScopeStopsReconnecting(serverUp: Bool) async throws {
    struct Boom: Error {}
    let deadPort = try await withEchoServer { _, port, _ in port }
    try await withEchoServer { _, livePort, _ in
      let port = serverUp ? livePort : deadPort
      _ = try await withTimeout(.seconds(5), "the client scope to unwind after throwing") {
        await #expect(throws: Boom.self) {
          try await withEchoClient(port: port, config: Self.fastFailing()) { echo in
            if serverUp {
              #expect(try await echo.get(.with { $0.text = "hi" }).text == "hi")
            } else {
              try await Task.sleep(for: .milliseconds(300))
            }
            throw Boom()
          }
        }
      }
    }
  }
}
