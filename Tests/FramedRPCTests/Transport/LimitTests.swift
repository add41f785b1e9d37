import EchoTestSupport
import FramedRPC
import GRPCCore
import Testing

/// Every limit, broken on purpose: the result is RESOURCE_EXHAUSTED or a GOAWAY with a reason,
/// and the server keeps serving.
@Suite("FramedRPC limits")
struct LimitTests {
  @Test("a frame declaring 1 GiB gets GOAWAY FRAME_TOO_LARGE at once; the server serves others")
  func frameTooLarge() async throws {
    try await withEchoServer { _, port, _ in
      let started = ContinuousClock.now
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        // Only the 10-byte header: the server must decide before any payload byte arrives.
        try await peer.send([0x40, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
        let value1 = try await peer.read(Preface.size)
        #expect(value1 == Preface.bytes())
        let frame = try #require(try await peer.readFrame())
        #expect(frame.type == FrameType.goAway.rawValue)
        let goAway = try frame.decode(Framedrpc_V1_GoAway.self)
        #expect(goAway.reason == .frameTooLarge)
        #expect(goAway.message.contains("1073741824"))
        let value2 = try await peer.readToEnd()
        #expect(value2 == [], "the connection is closed after the GOAWAY")
      }
      #expect(ContinuousClock.now - started < .seconds(5))
      try await withEchoClient(port: port) { echo in
        let reply = try await echo.get(.with { $0.text = "still here" })
        #expect(reply.text == "still here")
      }
    }
  }

  @Test("a request message over the max frame size is refused by the server")
  func oversizedMessageFromClient() async throws {
    var server = FramedRPCServerTransport.Config.defaults
    server.maxFrameSize = 1_024
    try await withEchoServer(config: server) { _, port, _ in
      // The client allows big frames, so the oversized message reaches the wire.
      try await withEchoClient(port: port) { echo in
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = String(repeating: "x", count: 4_000) })
        }
        #expect(error?.code == .unavailable)
      }
      try await withEchoClient(port: port) { echo in
        let reply = try await echo.get(.with { $0.text = "small" })
        #expect(reply.text == "small")
      }
    }
  }

  @Test("garbage instead of a preface gets one line of text and the connection is closed")
  func garbagePreface() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.send([0x00, 0x01, 0x02, 0x03, 0xDE, 0xAD, 0xBE, 0xEF])
        let reply = try await peer.readToEnd()
        #expect(reply == Preface.noiseReply)
      }
    }
  }

  @Test("an HTTP GET gets an HTTP 400 explaining the protocol, then the connection is closed")
  func httpRequest() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.send(Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
        let reply = String(decoding: try await peer.readToEnd(), as: UTF8.self)
        #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(reply.contains("This port speaks FramedRPC"))
      }
    }
  }

  @Test("an unsupported version gets the server preface and GOAWAY UNSUPPORTED_VERSION")
  func unsupportedVersion() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface(version: 2)
        let value3 = try await peer.read(Preface.size)
        #expect(value3 == Preface.bytes(version: 1))
        let goAway = try #require(try await peer.readFrame())
        #expect(try goAway.decode(Framedrpc_V1_GoAway.self).reason == .unsupportedVersion)
        let value4 = try await peer.readToEnd()
        #expect(value4 == [])
      }
    }
  }

  @Test("a stream beyond max concurrent streams gets RESOURCE_EXHAUSTED")
  func maxConcurrentStreams() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxConcurrentStreams = 2
    try await withEchoServer(config: config) { _, port, service in
      try await withEchoClient(port: port) { echo in
        let slow = (0..<2).map { _ in
          Task { try await echo.get(.with { $0.delayMs = 2_000 }) }
        }
        try await eventually("two calls are running") { service.active == 2 }
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "third" })
        }
        #expect(error?.code == .resourceExhausted)
        for call in slow {
          let value5 = try await call.value.text
          #expect(value5 == "")
        }
        let value6 = try await echo.get(.with { $0.text = "after" }).text
        #expect(value6 == "after")
      }
    }
  }

  @Test("request metadata over the limit gets RESOURCE_EXHAUSTED")
  func maxMetadataBytes() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxMetadataBytes = 1_024
    try await withEchoServer(config: config) { _, port, service in
      try await withEchoClient(port: port) { echo in
        var big = Metadata()
        big.addString(String(repeating: "m", count: 2_000), forKey: "x-big")
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.init(), metadata: big)
        }
        #expect(error?.code == .resourceExhausted)
        #expect(service.started == 0)
        let value7 = try await echo.get(.with { $0.text = "ok" }, metadata: ["x-small": "1"]).text
        #expect(value7 == "ok")
      }
    }
  }

  @Test("a connection that sends no preface is closed after the handshake timeout")
  func handshakeTimeout() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.handshakeTimeout = .milliseconds(200)
    try await withEchoServer(config: config) { _, port, _ in
      let started = ContinuousClock.now
      try await RawPeer.with(port: port) { peer in
        let bytes = try await peer.readToEnd()
        #expect(bytes == [])
      }
      #expect(ContinuousClock.now - started < .seconds(5))
    }
  }

  @Test("a connection without streams gets GOAWAY IDLE_TIMEOUT and is closed")
  func idleTimeout() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.idleTimeout = .milliseconds(300)
    try await withEchoServer(config: config) { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        let preface = try await peer.read(Preface.size)
        #expect(preface == Preface.bytes())
        let frame = try #require(try await peer.readFrame())
        let goAway = try frame.decode(Framedrpc_V1_GoAway.self)
        #expect(goAway.reason == .idleTimeout)
        let rest = try await peer.readToEnd()
        #expect(rest == [])
      }
    }
  }

  @Test("a connection beyond max connections gets GOAWAY TOO_MANY_CONNECTIONS")
  func maxConnections() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxConnections = 1
    try await withEchoServer(config: config) { _, port, _ in
      try await RawPeer.with(port: port) { first in
        try await first.sendPreface()
        let firstPreface = try await first.read(Preface.size)
        #expect(firstPreface == Preface.bytes())
        try await RawPeer.with(port: port) { second in
          try await second.sendPreface()
          let secondPreface = try await second.read(Preface.size)
          #expect(secondPreface == Preface.bytes())
          let frame = try #require(try await second.readFrame())
          let goAway = try frame.decode(Framedrpc_V1_GoAway.self)
          #expect(goAway.reason == .tooManyConnections)
          let rest = try await second.readToEnd()
          #expect(rest == [])
        }
      }
    }
  }

  @Test("a HEADERS frame with an even stream id gets GOAWAY PROTOCOL_ERROR")
  func protocolError() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        var headers = Framedrpc_V1_RequestHeaders()
        headers.path = "/echo.v1.Echo/Get"
        try await peer.send(.headers, streamID: 2, message: headers)
        let preface = try await peer.read(Preface.size)
        #expect(preface == Preface.bytes())
        let frame = try #require(try await peer.readFrame())
        let goAway = try frame.decode(Framedrpc_V1_GoAway.self)
        #expect(goAway.reason == .protocolError)
        #expect(goAway.message.contains("odd"))
        let rest = try await peer.readToEnd()
        #expect(rest == [])
      }
    }
  }

  @Test("a reader that never reads: the handler's writes suspend and buffering stays bounded")
  func slowReaderIsBounded() async throws {
    try await withEchoServer { _, port, service in
      let messageBytes = 64 << 10
      try await RawPeer.with(port: port, autoRead: false, receiveBuffer: 16 << 10) { peer in
        try await peer.sendPreface()
        var headers = Framedrpc_V1_RequestHeaders()
        headers.path = "/echo.v1.Echo/Expand"
        try await peer.send(.headers, streamID: 1, message: headers)
        let request: [UInt8] = try Echo_V1_EchoRequest.with {
          $0.count = 100_000
          $0.padding = UInt32(messageBytes)
        }.serializedBytes()
        try await peer.send(.message, flags: .endStream, streamID: 1, payload: request)
        try await eventually("the handler starts writing") { service.messagesWritten > 0 }
        // The socket buffers fill, then the handler must stop making progress: wait (bounded)
        // for a full second without a single new message. How soon that happens depends on the
        // machine's load; that it happens, and below the bound, is the property.
        var settled = service.messagesWritten
        var stopped = false
        for _ in 0..<30 where !stopped {
          try await Task.sleep(for: .seconds(1))
          let now = service.messagesWritten
          stopped = now == settled
          settled = now
        }
        #expect(stopped, "the handler kept writing for 30 s: \(settled) messages so far")
        #expect(
          settled * messageBytes < 32 << 20,
          "\(settled) messages of \(messageBytes) bytes were accepted for a peer that never reads"
        )
        #expect(service.active == 1, "the handler is suspended, not finished")
      }
      try await eventually("the handler ends once the peer is gone") { service.active == 0 }
    }
  }

  @Test("a handler that stops reading its requests stops the server reading; nothing is lost")
  func stalledConsumerPausesReading() async throws {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxBufferedRequestBytes = 64 << 10
    try await withEchoServer(config: config) { _, port, service in
      service.armCollectGate()
      try await withEchoClient(port: port) { echo in
        let chunk = String(repeating: "r", count: 32 << 10)
        let progress = ProducerProgress()
        let request = StreamingClientRequest<Echo_V1_EchoRequest> { writer in
          // Up to 64 MiB: far more than the socket buffers and the server's 64 KiB per stream.
          while !progress.stopRequested, progress.written < 2_048 {
            try await writer.write(.with { $0.text = chunk })
            progress.recordWrite()
          }
        }
        async let reply = echo.collect(request: request)
        try await eventually("the first request reaches the handler") {
          service.requestsCollected >= 1
        }
        // The server stops reading, the socket buffers fill and the client's writes suspend:
        // wait (bounded) for a full second without a single new write.
        var settled = progress.written
        var stalled = false
        for _ in 0..<30 where !stalled {
          try await Task.sleep(for: .seconds(1))
          let now = progress.written
          stalled = now == settled
          settled = now
        }
        #expect(stalled, "the client kept writing for 30 s: \(settled) requests so far")
        #expect(
          settled * chunk.utf8.count < 32 << 20,
          "\(settled) requests of \(chunk.utf8.count) bytes were read for a handler that is not reading"
        )
        #expect(service.requestsCollected == 1, "the handler is still at its gate")
        progress.requestStop()
        service.openCollectGate()
        let text = try await reply.text
        let sent = progress.written
        #expect(text == "\(sent) requests, \(sent * chunk.utf8.count) bytes")
      }
    }
  }
}
