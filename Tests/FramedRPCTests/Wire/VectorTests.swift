import Foundation
import FramedRPC
import NIOCore
import NIOEmbedded
import SwiftProtobuf
import Testing

/// Every file in `proto-spec/vectors/` decodes to its stated meaning and the meaning encodes to
/// exactly its bytes (the files were written by Python's protobuf, independently of this code).
@Suite("Protocol vectors")
struct VectorTests {
  static let vectors: [TestVector] = (try? TestVector.all()) ?? []

  @Test("the vectors folder is found and complete")
  func vectorsExist() throws {
    let vectors = try TestVector.all()
    #expect(vectors.count >= 20, "found \(vectors.count) vectors in \(TestVector.directory.path)")
    for kind in ["preface", "frame", "rejected", "reply-to-bad-preface", "server"] {
      #expect(vectors.contains { $0.directives[kind] != nil }, "no vector with @\(kind)")
    }
  }

  @Test("vector decodes and encodes exactly", arguments: Self.vectors)
  func vector(_ vector: TestVector) throws {
    if let version = vector.directives["preface"] {
      try self.checkPreface(vector, version: UInt16(version)!)
    } else if vector.directives["frame"] != nil {
      try self.checkFrame(vector)
    } else if vector.directives["rejected"] == "frame-too-large" {
      try self.checkRejectedHeader(vector)
    } else if let kind = vector.directives["reply-to-bad-preface"] {
      try self.checkReply(vector, kind: kind)
    } else {
      Issue.record("\(vector.name): no known directive in \(vector.directives)")
    }
  }

  static let serverVectors = Self.vectors.filter { $0.directives["server"] != nil }

  /// The malformed-input vectors (FRAMING.md 6.2), sent as raw bytes over a socket to a real
  /// server: the answer is the one the vector states, and a well-behaved client is served
  /// afterwards, on a new connection.
  @Test("malformed input gets the documented answer over a socket", arguments: Self.serverVectors)
  func serverAnswer(_ vector: TestVector) async throws {
    let answer = try #require(vector.directives["server"]).split(separator: " ")
    let streamID = try vector.frameDirective().streamID
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        try await peer.send(vector.bytes)
        switch answer.first {
        case "refuses":
          let code = try #require(answer.dropFirst().first.flatMap { UInt32($0) })
          let frame = try #require(try await peer.readFrame())
          #expect(frame.type == FrameType.trailers.rawValue)
          #expect(frame.streamID == streamID)
          let trailers = try frame.decode(Framedrpc_V1_Trailers.self)
          #expect(trailers.code == code, "\(trailers.message)")
          #expect(!trailers.message.isEmpty, "the refusal says what was wrong")
          try await Self.expectPong(peer)
        case "goaway":
          let frame = try #require(try await peer.readFrame())
          #expect(frame.type == FrameType.goAway.rawValue)
          let goAway = try frame.decode(Framedrpc_V1_GoAway.self)
          #expect(goAway.reason == (try Self.goAwayReason(answer)))
          #expect(!goAway.message.isEmpty, "the GOAWAY says what was wrong")
          #expect(try await peer.readToEnd() == [], "the connection is closed after the GOAWAY")
        case "ignores":
          try await Self.expectPong(peer)
        default:
          Issue.record("\(vector.name): unknown @server \(answer)")
        }
      }
      #expect(service.started == 0, "no handler ran for malformed input")
      try await withEchoClient(port: port) { echo in
        let reply = try await echo.get(.with { $0.text = "still serving" })
        #expect(reply.text == "still serving")
      }
    }
  }

  /// The next frame is the PONG for a PING sent now: nothing else was written and the
  /// connection is open.
  static func expectPong(_ peer: RawPeer) async throws {
    let probe: [UInt8] = [9, 8, 7, 6, 5, 4, 3, 2]
    try await peer.send(.ping, streamID: 0, payload: probe)
    let frame = try #require(try await peer.readFrame(), "the connection closed")
    #expect(frame == RawFrame(type: FrameType.pong.rawValue, flags: 0, streamID: 0, payload: probe))
  }

  private static func goAwayReason(_ answer: [Substring]) throws -> Framedrpc_V1_GoAwayReason {
    let reasons: [String: Framedrpc_V1_GoAwayReason] = [
      "GO_AWAY_REASON_PROTOCOL_ERROR": .protocolError,
      "GO_AWAY_REASON_FRAME_TOO_LARGE": .frameTooLarge,
    ]
    guard let name = answer.dropFirst().first, let reason = reasons[String(name)] else {
      throw VectorError(message: "unknown GOAWAY reason in \(answer)")
    }
    return reason
  }

  private func checkPreface(_ vector: TestVector, version: UInt16) throws {
    #expect(vector.bytes == Preface.bytes(version: version))
    let channel = try Self.serverChannel()
    try channel.writeInbound(ByteBuffer(bytes: vector.bytes))
    let written = Self.drainOutbound(channel)
    if version == Preface.version {
      #expect(try channel.readInbound(as: WireEvent.self) == .preface(version: version))
      #expect(written == Preface.bytes())
      #expect(channel.isActive)
    } else {
      // The server answers with its own preface and GOAWAY UNSUPPORTED_VERSION, then closes.
      let expected = try TestVector(fileName: "goaway-unsupported-version.hex").bytes
      #expect(hex(written) == hex(Preface.bytes() + expected))
      #expect(!channel.isActive)
    }
    _ = try? channel.finish()
  }

  private func checkFrame(_ vector: TestVector) throws {
    let (typeName, flags, streamID) = try vector.frameDirective()
    let type = try #require(FrameType.allNamed[typeName], "unknown frame type \(typeName)")
    let payload: [UInt8]
    if let text = vector.directives["payload"] {
      let parts = text.split(separator: " ", maxSplits: 1)
      payload = try Self.payload(
        messageName: String(parts[0]),
        textFormat: parts.count > 1 ? String(parts[1]) : ""
      )
    } else if let hexPayload = vector.directives["payload-hex"] {
      payload = try Self.bytes(fromHex: hexPayload)
    } else {
      throw VectorError(message: "\(vector.name): no @payload or @payload-hex")
    }
    let expected = Frame(
      type: type,
      flags: FrameFlags(rawValue: flags),
      streamID: streamID,
      payload: ByteBuffer(bytes: payload)
    )

    // Encode: the meaning gives exactly the bytes.
    var encoded = ByteBuffer()
    try FrameEncoder().encode(data: .frame(expected), out: &encoded)
    #expect(hex(encoded.readableBytesView) == hex(vector.bytes))

    // Decode: the bytes give exactly the meaning (after a server preface, as a client reads).
    let channel = EmbeddedChannel(
      handler: ByteToMessageHandler(FrameDecoder(role: .client, maxFrameSize: 4 << 20))
    )
    try channel.writeInbound(ByteBuffer(bytes: Preface.bytes() + vector.bytes))
    #expect(try channel.readInbound(as: WireEvent.self) == .preface(version: Preface.version))
    let decoded = try #require(try channel.readInbound(as: WireEvent.self))
    #expect(decoded == .frame(expected))
    #expect(try channel.readInbound(as: WireEvent.self) == nil)
    _ = try? channel.finish()
  }

  private func checkRejectedHeader(_ vector: TestVector) throws {
    #expect(vector.bytes.count == Frame.headerSize, "only a header: no payload byte is needed")
    let channel = try Self.serverChannel()
    try channel.writeInbound(ByteBuffer(bytes: Preface.bytes() + vector.bytes))
    #expect(try channel.readInbound(as: WireEvent.self) == .preface(version: Preface.version))
    #expect(try channel.readInbound(as: WireEvent.self) == nil)
    let written = Self.drainOutbound(channel)
    #expect(Array(written.prefix(Preface.size)) == Preface.bytes())
    let goAwayBytes = Array(written.dropFirst(Preface.size))
    try #require(goAwayBytes.count > Frame.headerSize)
    #expect(goAwayBytes[4] == FrameType.goAway.rawValue)
    let goAway = try Framedrpc_V1_GoAway(serializedBytes: Array(goAwayBytes.dropFirst(10)))
    #expect(goAway.reason == .frameTooLarge)
    #expect(goAway.message.contains("1073741824"))
    #expect(!channel.isActive, "the connection is closed on the header alone")
    _ = try? channel.finish()
  }

  private func checkReply(_ vector: TestVector, kind: String) throws {
    let probe: [UInt8]
    switch kind {
    case "http":
      #expect(vector.bytes == Preface.httpReply)
      probe = Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
    case "noise":
      #expect(vector.bytes == Preface.noiseReply)
      probe = [0x00, 0xFF, 0x13, 0x37]
    default:
      throw VectorError(message: "\(vector.name): unknown reply kind \(kind)")
    }
    let channel = try Self.serverChannel()
    try channel.writeInbound(ByteBuffer(bytes: probe))
    #expect(try channel.readInbound(as: WireEvent.self) == nil)
    #expect(Self.drainOutbound(channel) == vector.bytes)
    #expect(!channel.isActive)
    _ = try? channel.finish()
  }

  // MARK: Helpers

  private static func serverChannel() throws -> EmbeddedChannel {
    let channel = EmbeddedChannel(
      handler: ByteToMessageHandler(FrameDecoder(role: .server, maxFrameSize: 4 << 20))
    )
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    return channel
  }

  private static func drainOutbound(_ channel: EmbeddedChannel) -> [UInt8] {
    var bytes: [UInt8] = []
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
      bytes += buffer.readableBytesView
    }
    return bytes
  }

  private static func payload(messageName: String, textFormat: String) throws -> [UInt8] {
    func roundTrip<M: Message & Equatable>(_ type: M.Type) throws -> [UInt8] {
      let message = try M(textFormatString: textFormat)
      let bytes: [UInt8] = try message.serializedBytes()
      #expect(try M(serializedBytes: bytes) == message)
      return bytes
    }
    switch messageName {
    case Framedrpc_V1_RequestHeaders.protoMessageName:
      return try roundTrip(Framedrpc_V1_RequestHeaders.self)
    case Framedrpc_V1_ResponseHeaders.protoMessageName:
      return try roundTrip(Framedrpc_V1_ResponseHeaders.self)
    case Framedrpc_V1_Trailers.protoMessageName:
      return try roundTrip(Framedrpc_V1_Trailers.self)
    case Framedrpc_V1_GoAway.protoMessageName:
      return try roundTrip(Framedrpc_V1_GoAway.self)
    default:
      throw VectorError(message: "unknown message \(messageName)")
    }
  }

  private static func bytes(fromHex text: String) throws -> [UInt8] {
    let characters = Array(text)
    guard characters.count % 2 == 0 else { throw VectorError(message: "odd hex \(text)") }
    return try stride(from: 0, to: characters.count, by: 2).map { index in
      guard let byte = UInt8(String(characters[index...index + 1]), radix: 16) else {
        throw VectorError(message: "bad hex \(text)")
      }
      return byte
    }
  }
}
