import EchoTestSupport
import FramedRPC
import GRPCCore
import Testing

/// Graceful shutdown, reconnection and keepalive.
@Suite("FramedRPC lifecycle")
struct LifecycleTests {
  @Test("graceful shutdown lets in-flight calls finish and refuses new ones with UNAVAILABLE")
  func gracefulShutdown() async throws {
    let service = CountingEchoService()
    let transport = FramedRPCServerTransport(address: .init(host: "127.0.0.1", port: 0))
    let server = GRPCServer(transport: transport, services: [service])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      let port = try await transport.listeningAddress.port
      try await withEchoClient(port: port) { echo in
        #expect(try await echo.get(.with { $0.text = "warm" }).text == "warm")
        let inFlight = Task {
          try await echo.get(
            .with {
              $0.text = "in flight"
              $0.delayMs = 1_000
            })
        }
        try await eventually("the slow call is running") { service.active == 1 }
        server.beginGracefulShutdown()
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "too late" })
        }
        #expect(error?.code == .unavailable)
        #expect(try await inFlight.value.text == "in flight")
      }
      // serve() returns once the drain is complete.
      try await group.waitForAll()
    }
  }

  @Test("after GOAWAY, streams up to last_stream_id finish and newer ones get UNAVAILABLE")
  func goAwayOnTheWire() async throws {
    let service = CountingEchoService()
    let transport = FramedRPCServerTransport(address: .init(host: "127.0.0.1", port: 0))
    let server = GRPCServer(transport: transport, services: [service])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      let port = try await transport.listeningAddress.port
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        var headers = Framedrpc_V1_RequestHeaders()
        headers.path = "/echo.v1.Echo/Get"
        try await peer.send(.headers, streamID: 1, message: headers)
        let slow: [UInt8] = try Echo_V1_EchoRequest.with {
          $0.text = "slow"
          // Long enough that stream 3 below reaches the server while stream 1 is still being
          // drained, even on a loaded machine; once the drain ends the connection closes and a
          // later stream would get no answer at all.
          $0.delayMs = 3_000
        }.serializedBytes()
        try await peer.send(.message, flags: .endStream, streamID: 1, payload: slow)
        try await eventually("stream 1 is running") { service.active == 1 }

        server.beginGracefulShutdown()
        let goAwayFrame = try #require(try await peer.readFrame())
        let goAway = try goAwayFrame.decode(Framedrpc_V1_GoAway.self)
        #expect(goAway.reason == .noError)
        #expect(goAway.lastStreamID == 1)

        try await peer.send(
          .headers, flags: .endStream, streamID: 3, payload: try headers.serializedBytes())
        var frames: [RawFrame] = []
        while let frame = try await peer.readFrame() {
          frames.append(frame)
        }
        let refused = try #require(frames.first { $0.streamID == 3 })
        #expect(try refused.decode(Framedrpc_V1_Trailers.self).code == 14)
        let stream1 = frames.filter { $0.streamID == 1 }
        #expect(stream1.map(\.type) == [0x01, 0x02, 0x03], "HEADERS, MESSAGE, TRAILERS")
        let reply = try #require(stream1.dropFirst().first)
        #expect(try reply.decode(Echo_V1_EchoResponse.self).text == "slow")
        #expect(try stream1.last?.decode(Framedrpc_V1_Trailers.self).code == 0)
      }
      // serve() returns once the drain is complete.
      try await group.waitForAll()
    }
  }

  @Test("the client reconnects when the server comes back on the same port")
  func reconnects() async throws {
    let first = FramedRPCServerTransport(address: .init(host: "127.0.0.1", port: 0))
    let firstServer = GRPCServer(transport: first, services: [CountingEchoService()])
    var clientConfig = FramedRPCClientTransport.Config.defaults
    clientConfig.backoffInitial = .milliseconds(20)
    clientConfig.backoffMax = .milliseconds(200)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await firstServer.serve() }
      let port = try await first.listeningAddress.port
      try await withEchoClient(port: port, config: clientConfig) { echo in
        #expect(try await echo.get(.with { $0.text = "before" }).text == "before")
        firstServer.beginGracefulShutdown()
        try await group.waitForAll()

        let down = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.text = "while down" })
        }
        #expect(down?.code == .unavailable)

        // The port was the kernel's pick from the ephemeral range, so another socket of this
        // busy test process (or of another) may hold it for a moment now: retry the bind.
        let secondServer = try await Self.serve(onPort: port, in: &group)
        var reply: String?
        let deadline = ContinuousClock.now + .seconds(10)
        while reply == nil, ContinuousClock.now < deadline {
          reply = try? await echo.get(.with { $0.text = "after" }).text
          if reply == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(reply == "after")
        secondServer.beginGracefulShutdown()
      }
      try await group.waitForAll()
    }
  }

  /// Starts an echo server on `port` in `group`, retrying for up to 10 s while the port is taken.
  private static func serve(
    onPort port: Int, in group: inout ThrowingTaskGroup<Void, any Error>
  ) async throws -> GRPCServer<FramedRPCServerTransport> {
    let deadline = ContinuousClock.now + .seconds(10)
    while true {
      let transport = FramedRPCServerTransport(address: .init(host: "127.0.0.1", port: port))
      let server = GRPCServer(transport: transport, services: [CountingEchoService()])
      let serving = Task { try await server.serve() }
      do {
        _ = try await transport.listeningAddress
        group.addTask { try await serving.value }
        return server
      } catch {
        _ = try? await serving.value
        guard ContinuousClock.now < deadline else { throw error }
        try await Task.sleep(for: .milliseconds(100))
      }
    }
  }

  @Test("the server answers PING with PONG carrying the same 8 bytes")
  func pingPong() async throws {
    try await withEchoServer { _, port, _ in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        let payload: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        try await peer.send(.ping, streamID: 0, payload: payload)
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let pong = try #require(try await peer.readFrame())
        #expect(
          pong == RawFrame(type: FrameType.pong.rawValue, flags: 0, streamID: 0, payload: payload))
      }
    }
  }

  @Test("a client with a short keepalive interval keeps its connection and keeps working")
  func keepalive() async throws {
    var clientConfig = FramedRPCClientTransport.Config.defaults
    clientConfig.keepaliveInterval = .milliseconds(50)
    clientConfig.keepaliveTimeout = .seconds(2)
    try await withEchoServer { _, port, service in
      try await withEchoClient(port: port, config: clientConfig) { echo in
        for round in 0..<5 {
          #expect(try await echo.get(.with { $0.text = "\(round)" }).text == "\(round)")
          try await Task.sleep(for: .milliseconds(100))
        }
        #expect(service.peers.count == 1, "the keepalive pings were answered: one connection")
      }
    }
  }
}
