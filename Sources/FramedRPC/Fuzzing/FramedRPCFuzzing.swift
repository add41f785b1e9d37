import GRPCCore
import NIOCore
import SwiftProtobuf

/// What the libFuzzer targets in `Fuzz/` need from FramedRPC, without making internals public.
///
/// Each entry point runs the production code on bytes chosen by the fuzzer and traps (through
/// `precondition`) only when one of the protocol's guarantees is broken, so any crash the fuzzer
/// finds is a bug. Not API: `@_spi(Fuzzing)` keeps it out of every client's sight.
@_spi(Fuzzing) public enum FramedRPCFuzzing {
  /// The version-1 connection preface.
  public static var preface: [UInt8] { Preface.bytes() }

  /// The frame decoder of `server` or client role, followed by a handler that checks what it
  /// emits: one preface first, then frames no larger than `maxFrameSize`.
  public static func frameDecoderHandlers(server: Bool, maxFrameSize: Int) -> [any ChannelHandler] {
    [
      ByteToMessageHandler(
        FrameDecoder(role: server ? .server : .client, maxFrameSize: maxFrameSize)),
      DecodedEventChecker(maxFrameSize: maxFrameSize),
    ]
  }

  /// A HEADERS payload as the server reads it: protobuf decoding, metadata rules, size and
  /// timeout checks. Valid metadata must survive encoding and validating again unchanged.
  public static func checkRequestHeaders(_ payload: [UInt8]) {
    guard let headers = try? Framedrpc_V1_RequestHeaders(serializedBytes: payload) else { return }
    let bytes = headers.metadata.wireByteCount
    precondition(bytes >= 0, "metadata byte count is negative")
    _ = ServerConnection.refusal(forTimeoutOf: headers)
    _ = ServerConnection.descriptor(forPath: headers.path)
    guard let metadata = try? Metadata(validatingWireEntries: headers.metadata) else { return }
    let again = try? Metadata(validatingWireEntries: metadata.wireEntries)
    precondition(again == metadata, "valid metadata changed when encoded and decoded again")
  }

  /// `grpc-timeout` parsing and formatting, on the input as a metadata value and (its first 8
  /// bytes) as a `timeout_micros`. A formatted timeout is never shorter than the one given.
  public static func checkTimeout(_ bytes: [UInt8]) {
    if let micros = GRPCTimeout.micros(fromMetadataValue: String(decoding: bytes, as: UTF8.self)) {
      Self.checkRoundTrip(micros)
    }
    if bytes.count >= 8 {
      let micros = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      Self.checkRoundTrip(micros)
      var headers = Framedrpc_V1_RequestHeaders()
      headers.timeoutMicros = micros
      let refused = ServerConnection.refusal(forTimeoutOf: headers) != nil
      precondition(refused == (micros == 0 || micros > GRPCTimeout.maxMicros))
    }
  }

  private static func checkRoundTrip(_ micros: UInt64) {
    let value = GRPCTimeout.metadataValue(micros: micros)
    guard let back = GRPCTimeout.micros(fromMetadataValue: value) else {
      preconditionFailure("\(value), formatted from \(micros) µs, does not parse")
    }
    precondition(
      back >= min(micros, GRPCTimeout.maxMicros), "\(value) is shorter than \(micros) µs")
  }

  /// Installs one accepted connection's pipeline (exactly the server's) on `channel`, serving
  /// an echo handler; call on the channel's event loop. Limits are small so that they are hit.
  public static func installServerConnection(on channel: any Channel) throws -> Connection {
    var config = FramedRPCServerTransport.Config.defaults
    config.maxFrameSize = 4_096
    config.maxConcurrentStreams = 4
    config.maxMetadataBytes = 256
    config.maxBufferedRequestBytes = 1_024
    config.outboundHighWatermark = 4_096
    let connection = try FramedRPCServerTransport.addConnectionHandlers(
      to: channel, config: config
    ) { outbound in
      ServerConnection(
        channel: channel,
        outbound: outbound,
        config: config,
        singleResponseMethods: ["echo.v1.Echo/Get"],
        overConnectionLimit: false,
        streamHandler: Self.echo
      )
    }
    return Connection(connection: connection)
  }

  /// Checks what a server wrote in answer to `input`: nothing, one of the bad-preface replies,
  /// or its preface followed by whole frames within the frame size.
  public static func checkServerOutput(_ output: [UInt8], maxFrameSize: Int = 4_096) {
    if output.isEmpty || output == Preface.httpReply || output == Preface.noiseReply { return }
    precondition(
      output.starts(with: Preface.bytes()), "the server wrote something before its preface")
    var rest = output.dropFirst(Preface.size)
    while !rest.isEmpty {
      precondition(rest.count >= Frame.headerSize, "the server wrote a partial frame header")
      let length = rest.prefix(4).reduce(0) { $0 << 8 | Int($1) }
      precondition(length <= maxFrameSize, "the server wrote a frame over the max frame size")
      precondition(rest.count >= Frame.headerSize + length, "the server wrote a partial frame")
      rest = rest.dropFirst(Frame.headerSize + length)
    }
  }

  /// A connection built by ``installServerConnection(on:)``.
  public struct Connection: Sendable {
    let connection: ServerConnection

    /// Serves until the channel closes, then waits for every handler task.
    public func run() async {
      await self.connection.run()
    }
  }

  /// Echoes every request message, then ends with OK.
  private static let echo: ServerConnection.StreamHandler = { stream, _ in
    do {
      try await stream.outbound.write(.metadata([:]))
      for try await part in stream.inbound {
        if case .message(let bytes) = part {
          try await stream.outbound.write(.message(bytes))
        }
      }
      try await stream.outbound.write(.status(Status(code: .ok, message: ""), [:]))
    } catch {
      try? await stream.outbound.write(.status(Status(code: .unknown, message: "\(error)"), [:]))
    }
  }
}

/// Traps when the decoder emits something the protocol rules out.
private final class DecodedEventChecker: ChannelInboundHandler {
  typealias InboundIn = WireEvent

  private let maxFrameSize: Int
  private var sawPreface = false

  init(maxFrameSize: Int) {
    self.maxFrameSize = maxFrameSize
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch self.unwrapInboundIn(data) {
    case .preface(let version):
      precondition(!self.sawPreface, "a second preface was decoded")
      precondition(version == Preface.version, "an unsupported version was passed on")
      self.sawPreface = true
    case .frame(let frame):
      precondition(self.sawPreface, "a frame was decoded before the preface")
      precondition(frame.payload.readableBytes <= self.maxFrameSize, "a frame over the limit")
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // Client-role decoding errors end the connection; that is the expected outcome.
    context.close(promise: nil)
  }
}
