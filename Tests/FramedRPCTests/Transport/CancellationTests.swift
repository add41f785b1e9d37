import EchoTestSupport
import FramedRPC
import GRPCCore
import Testing

/// Cancellation and deadlines travel between client and server.
@Suite("FramedRPC cancellation and deadlines")
struct CancellationTests {
  @Test("cancelling a call mid-stream cancels the server handler's task")
  func cancelMidStream() async throws {
    try await withEchoServer { _, port, service in
      try await withEchoClient(port: port) { echo in
        let call = Task {
          try await echo.expand(
            .with {
              $0.count = 1_000_000
              $0.delayMs = 5
            }
          ) { response in
            for try await _ in response.messages {}
          }
        }
        try await eventually("the handler writes some responses") { service.messagesWritten >= 3 }
        call.cancel()
        let result = await call.result
        #expect(throws: (any Error).self) { try result.get() }
        try await eventually("the handler sees its task cancelled") { service.cancelled == 1 }
        try await eventually("the handler has returned") { service.active == 0 }
      }
    }
  }

  /// ops/soak found this: a client resetting its connection mid-stream made the handler's next
  /// write throw NIO's `I/O on closed channel`, which the vetting services turned into INTERNAL
  /// and logged at error level. A write after the client left must fail as CANCELLED.
  @Test("a client that leaves mid-stream makes the handler's writes fail as CANCELLED")
  func clientLeavesMidStream() async throws {
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port, autoRead: false, receiveBuffer: 4096) { peer in
        try await peer.sendPreface()
        var headers = Framedrpc_V1_RequestHeaders()
        headers.path = "/echo.v1.Echo/Expand"
        try await peer.send(.headers, streamID: 1, message: headers)
        let request: [UInt8] = try Echo_V1_EchoRequest.with {
          $0.count = 1_000_000
          $0.padding = 16_384
        }.serializedBytes()
        try await peer.send(.message, flags: .endStream, streamID: 1, payload: request)
        try await eventually("the handler writes some responses") { service.messagesWritten >= 1 }
      }
      try await eventually("the handler has returned") { service.active == 0 }
      let errors = service.handlerErrors
      #expect(!errors.isEmpty)
      #expect(
        errors.allSatisfy { $0 == "cancelled" },
        "handler errors: \(errors)")
    }
  }

  @Test("a call past its deadline fails with DEADLINE_EXCEEDED and the handler is cancelled")
  func deadlineExceeded() async throws {
    try await withEchoServer { _, port, service in
      try await withEchoClient(port: port) { echo in
        // Long enough that the handler has surely started before the deadline passes, even on a
        // loaded machine running the whole suite in parallel: a request whose deadline passed
        // before its handler ran is (rightly) never handed to a handler, and there would be
        // nothing to observe being cancelled. 2 s was once not enough in CI (2026-12-06: the
        // handler had not started when the deadline passed).
        var options = CallOptions.defaults
        options.timeout = .seconds(5)
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
          try await echo.get(.with { $0.delayMs = 60_000 }, options: options)
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(service.started == 1)
        try await eventually(within: .seconds(30), "the handler sees its task cancelled") {
          service.cancelled == 1
        }
      }
    }
  }

  @Test("the server enforces the deadline itself: TRAILERS DEADLINE_EXCEEDED without a CANCEL")
  func serverSideDeadline() async throws {
    try await withEchoServer { _, port, service in
      try await RawPeer.with(port: port) { peer in
        try await peer.sendPreface()
        var headers = Framedrpc_V1_RequestHeaders()
        headers.path = "/echo.v1.Echo/Get"
        headers.timeoutMicros = 300_000
        try await peer.send(.headers, streamID: 1, message: headers)
        let request: [UInt8] = try Echo_V1_EchoRequest.with { $0.delayMs = 10_000 }
          .serializedBytes()
        try await peer.send(.message, flags: .endStream, streamID: 1, payload: request)
        #expect(try await peer.read(Preface.size) == Preface.bytes())
        let frame = try #require(try await peer.readFrame())
        #expect(frame.type == FrameType.trailers.rawValue && frame.streamID == 1)
        let trailers = try frame.decode(Framedrpc_V1_Trailers.self)
        #expect(trailers.code == UInt32(Status.Code.deadlineExceeded.rawValue))
        try await eventually("the handler sees its task cancelled") { service.cancelled == 1 }
      }
    }
  }
}
