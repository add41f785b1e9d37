import EchoTestSupport
import Foundation
import FramedRPC
import GRPCCore
import SwiftProtobuf
import Testing

/// Issue 13: single frames from an unauthenticated client that used to take the server down
/// (an overflow trap on `timeout_micros`, an assertion on binary metadata under a text key),
/// and the cases the specification left open. Each is sent as raw bytes over a socket to a real
/// server; each must get the answer FRAMING.md section 6.2 gives, and the server must go on
/// serving a well-behaved client.
@Suite("FramedRPC malformed input")
struct MalformedInputTests {
  static let get = "/echo.v1.Echo/Get"

  static func headers(
    path: String = Self.get,
    _ configure: (inout Framedrpc_V1_RequestHeaders) -> Void = { _ in }
  ) -> Framedrpc_V1_RequestHeaders {
    var headers = Framedrpc_V1_RequestHeaders()
    headers.path = path
    configure(&headers)
    return headers
  }

  static func request(_ text: String) throws -> [UInt8] {
    try Echo_V1_EchoRequest.with { $0.text = text }.serializedBytes()
  }

  /// Opens stream 1 with `headers` and a whole unary request, and returns the trailers the
  /// server answers with (skipping response headers and messages).
  static func call(
    _ peer: RawPeer,
    _ headers: Framedrpc_V1_RequestHeaders,
    streamID: UInt32 = 1
  ) async throws -> (trailers: Framedrpc_V1_Trailers, messages: [[UInt8]]) {
    try await peer.send(.headers, streamID: streamID, message: headers)
    try await peer.send(.message, flags: .endStream, streamID: streamID, payload: try request("hi"))
    var messages: [[UInt8]] = []
    while true {
      let frame = try #require(try await peer.readFrame(), "the connection closed")
      #expect(frame.streamID == streamID)
      switch frame.type {
      case FrameType.trailers.rawValue:
        return (try frame.decode(Framedrpc_V1_Trailers.self), messages)
      case FrameType.message.rawValue:
        messages.append(frame.payload)
      default:
        continue
      }
    }
  }

  /// A new connection from a real client is served.
  static func expectServing(port: Int) async throws {
    try await withEchoClient(port: port) { echo in
      let reply = try await echo.get(.with { $0.text = "still serving" })
      #expect(reply.text == "still serving")
    }
  }

  @Test(
    "timeout_micros above the largest timeout is refused with INVALID_ARGUMENT, not a trap",
    arguments: [UInt64.max, UInt64.max - 1, 1 << 63, GRPCTimeout.maxMicros + 1]
  )
  func hugeTimeout(_ micros: UInt64) async throws {
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let (trailers, messages) = try await Self.call(
          peer, Self.headers { $0.timeoutMicros = micros })
        #expect(trailers.code == UInt32(RPCError.Code.invalidArgument.rawValue))
        #expect(trailers.message.contains("timeout_micros \(micros)"), "\(trailers.message)")
        #expect(messages.isEmpty)
        try await VectorTests.expectPong(peer)
      }
      #expect(service.started == 0)
      try await Self.expectServing(port: port)
    }
  }

  @Test("the largest timeout (99999999 hours) is a deadline like any other: the call runs")
  func largestTimeout() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let (trailers, messages) = try await Self.call(
          peer, Self.headers { $0.timeoutMicros = GRPCTimeout.maxMicros })
        #expect(trailers.code == 0, "\(trailers.message)")
        let reply = try Echo_V1_EchoResponse(serializedBytes: try #require(messages.first))
        #expect(reply.text == "hi")
      }
    }
  }

  @Test("timeout_micros = 0 is a deadline already passed: DEADLINE_EXCEEDED, no handler runs")
  func zeroTimeout() async throws {
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let (trailers, _) = try await Self.call(peer, Self.headers { $0.timeoutMicros = 0 })
        #expect(trailers.code == UInt32(RPCError.Code.deadlineExceeded.rawValue))
        try await VectorTests.expectPong(peer)
      }
      #expect(service.started == 0)
      try await Self.expectServing(port: port)
    }
  }

  /// Entries that break FRAMING.md 4.10, with what the refusal must name.
  static let badEntries:
    [(key: String, value: Framedrpc_V1_MetadataEntry.OneOf_Value?, says: String)] =
      [
        ("authorization", .binary(Data("Bearer abc".utf8)), "needs a key ending in -bin"),
        ("x-id", .binary(Data([0, 1, 2])), "needs a key ending in -bin"),
        ("X-Trace-BIN", .binary(Data([1, 2])), "lower-case"),
        ("Authorization", .text("Bearer abc"), "lower-case"),
        ("trace-bin", .text("abc"), "must carry a binary value"),
        ("x-note", .text("line\nbreak"), "printable ASCII"),
        ("x-note", .text("caf\u{E9}"), "printable ASCII"),
        ("", .text("empty key"), "the key is empty"),
        ("x id", .text("space in key"), "may contain only"),
      ]

  @Test(
    "metadata breaking FRAMING.md 4.10 is refused with INVALID_ARGUMENT naming the entry",
    arguments: 0..<Self.badEntries.count
  )
  func badMetadata(_ index: Int) async throws {
    let bad = Self.badEntries[index]
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let headers = Self.headers {
          var good = Framedrpc_V1_MetadataEntry()
          good.key = "x-ok"
          good.text = "fine"
          var entry = Framedrpc_V1_MetadataEntry()
          entry.key = bad.key
          entry.value = bad.value
          $0.metadata = [good, entry]
        }
        let (trailers, _) = try await Self.call(peer, headers)
        #expect(trailers.code == UInt32(RPCError.Code.invalidArgument.rawValue))
        #expect(trailers.message.contains("metadata entry 1"), "\(trailers.message)")
        #expect(trailers.message.contains(bad.says), "\(trailers.message)")
        try await VectorTests.expectPong(peer)
      }
      #expect(service.started == 0)
      try await Self.expectServing(port: port)
    }
  }

  @Test("reserved keys are dropped whatever their value; an unset value is the empty value")
  func reservedAndUnsetMetadata() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let headers = Self.headers {
          $0.metadata = [
            .with {
              $0.key = ":authority"
              $0.binary = Data([0xFF])
            },
            .with {
              $0.key = "grpc-timeout"
              $0.binary = Data([0xFF])
            },
            .with { $0.key = "x-empty" },
            .with { $0.key = "x-empty-bin" },
          ]
        }
        let (trailers, messages) = try await Self.call(peer, headers)
        #expect(trailers.code == 0, "\(trailers.message)")
        #expect(messages.count == 1)
      }
    }
  }

  @Test("a stream id above 2^31 - 1 is a protocol error: GOAWAY PROTOCOL_ERROR and close")
  func streamIDAboveLimit() async throws {
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        try await peer.send(.headers, streamID: 0xFFFF_FFFF, message: Self.headers())
        let frame = try #require(try await peer.readFrame())
        let goAway = try frame.decode(Framedrpc_V1_GoAway.self)
        #expect(goAway.reason == .protocolError)
        #expect(goAway.message.contains("4294967295"))
        #expect(goAway.lastStreamID == 0)
        #expect(try await peer.readToEnd() == [])
      }
      #expect(service.started == 0)
      try await Self.expectServing(port: port)
    }
  }

  @Test("a GOAWAY from the client changes nothing: later streams on that connection are served")
  func goAwayFromClient() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        var goAway = Framedrpc_V1_GoAway()
        goAway.message = "client leaving"
        try await peer.send(.goAway, streamID: 0, message: goAway)
        let (trailers, messages) = try await Self.call(peer, Self.headers())
        #expect(trailers.code == 0, "\(trailers.message)")
        #expect(messages.count == 1)
      }
    }
  }

  @Test("a second HALF_CLOSE, with a payload, is ignored: the call completes normally")
  func secondHalfClose() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        try await peer.send(
          .headers, streamID: 1, message: Self.headers(path: "/echo.v1.Echo/Collect"))
        try await peer.send(.message, streamID: 1, payload: try Self.request("a"))
        try await peer.send(.halfClose, streamID: 1)
        try await peer.send(.halfClose, streamID: 1, payload: [0xDE, 0xAD])
        var trailers: Framedrpc_V1_Trailers?
        while trailers == nil {
          let frame = try #require(try await peer.readFrame())
          if frame.type == FrameType.trailers.rawValue {
            trailers = try frame.decode(Framedrpc_V1_Trailers.self)
          }
        }
        #expect(trailers?.code == 0, "\(trailers?.message ?? "")")
        try await VectorTests.expectPong(peer)
      }
    }
  }

  @Test("a CANCEL with a payload cancels the stream; its payload is not read")
  func cancelWithPayload() async throws {
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        try await peer.send(.headers, streamID: 1, message: Self.headers())
        let slow = try Echo_V1_EchoRequest.with { $0.delayMs = 10_000 }.serializedBytes() as [UInt8]
        try await peer.send(.message, flags: .endStream, streamID: 1, payload: slow)
        try await eventually("the handler runs") { service.active == 1 }
        try await peer.send(.cancel, streamID: 1, payload: Array("user gave up".utf8))
        try await peer.send(.cancel, streamID: 1, payload: [0xFF])
        try await eventually("the handler was cancelled") { service.cancelled == 1 }
        try await VectorTests.expectPong(peer)
      }
      try await Self.expectServing(port: port)
    }
  }

  @Test("a server's malformed metadata fails that call with INTERNAL; the client does not crash")
  func malformedResponseMetadata() async throws {
    var headers = Framedrpc_V1_ResponseHeaders()
    headers.metadata = [
      .with {
        $0.key = "x-served-by"
        $0.binary = Data([0xFF])
      }
    ]
    let reply =
      frameBytes(.headers, streamID: 1, payload: try headers.serializedBytes())
      + frameBytes(.trailers, streamID: 1)
    // The server preface once the client's has arrived; the frames once its call has.
    let script = [
      ScriptStep(afterReceiving: Preface.size, reply: Preface.bytes()),
      ScriptStep(afterReceiving: Preface.size + 1, reply: reply),
    ]
    try await withScriptedServer(script) { port in
      try await withEchoClient(port: port) { echo in
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "x" })
        }
        #expect(error?.code == .internalError)
        #expect(error?.message.contains("x-served-by") == true, "\(error?.message ?? "")")
      }
    }
  }

  @Test("a status code above 16 from a server is UNKNOWN", arguments: [17, UInt32.max])
  func unknownStatusCode(_ code: UInt32) async throws {
    var trailers = Framedrpc_V1_Trailers()
    trailers.code = code
    trailers.message = "odd"
    let script = [
      ScriptStep(afterReceiving: Preface.size, reply: Preface.bytes()),
      ScriptStep(
        afterReceiving: Preface.size + 1,
        reply: frameBytes(.trailers, streamID: 1, payload: try trailers.serializedBytes())),
    ]
    try await withScriptedServer(script) { port in
      try await withEchoClient(port: port) { echo in
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "x" })
        }
        #expect(error?.code == .unknown)
      }
    }
  }
}
