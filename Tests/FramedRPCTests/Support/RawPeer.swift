import FramedRPC
import NIOCore
import NIOPosix
import SwiftProtobuf

/// A frame as a raw test peer parses it, independently of the transport's decoder.
struct RawFrame: Equatable {
  var type: UInt8
  var flags: UInt8
  var streamID: UInt32
  var payload: [UInt8]

  func decode<M: Message>(_ type: M.Type) throws -> M {
    try M(serializedBytes: self.payload)
  }
}

/// A plain TCP peer for tests that must send bytes no FramedRPC client would send, or read
/// exactly what the server writes.
///
/// A watchdog closes the connection after `watchdog`, so a read that would wait forever ends
/// (as end of stream) and the test fails instead of hanging.
final class RawPeer {
  private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
  private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
  private var buffered: [UInt8] = []
  private(set) var reachedEnd = false

  private init(
    iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
    writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
  ) {
    self.iterator = iterator
    self.writer = writer
  }

  static func with<T>(
    port: Int,
    autoRead: Bool = true,
    receiveBuffer: Int? = nil,
    watchdog: TimeAmount = .seconds(20),
    _ body: (RawPeer) async throws -> T
  ) async throws -> T {
    var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelOption(.autoRead, value: autoRead)
    if let receiveBuffer {
      bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: .init(receiveBuffer))
    }
    let channel = try await bootstrap.connect(host: "127.0.0.1", port: port) { channel in
      channel.eventLoop.makeCompletedFuture {
        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
      }
    }
    let raw = channel.channel
    let guardTask = raw.eventLoop.scheduleTask(in: watchdog) { raw.close(promise: nil) }
    defer { guardTask.cancel() }
    return try await channel.executeThenClose { inbound, outbound in
      let peer = RawPeer(iterator: inbound.makeAsyncIterator(), writer: outbound)
      return try await body(peer)
    }
  }

  func send(_ bytes: [UInt8]) async throws {
    try await self.writer.write(ByteBuffer(bytes: bytes))
  }

  func sendPreface(version: UInt16 = Preface.version) async throws {
    try await self.send(Preface.bytes(version: version))
  }

  func send(
    _ type: FrameType,
    flags: FrameFlags = [],
    streamID: UInt32,
    payload: [UInt8] = []
  ) async throws {
    var buffer = ByteBuffer()
    Frame(type: type, flags: flags, streamID: streamID, payload: ByteBuffer(bytes: payload))
      .write(to: &buffer)
    try await self.writer.write(buffer)
  }

  func send(_ type: FrameType, streamID: UInt32, message: some Message) async throws {
    try await self.send(type, streamID: streamID, payload: try message.serializedBytes())
  }

  /// Exactly `count` bytes, or nil if the connection ended first.
  func read(_ count: Int) async throws -> [UInt8]? {
    while self.buffered.count < count {
      guard !self.reachedEnd, let chunk = try await self.nextChunk() else {
        self.reachedEnd = true
        return nil
      }
      self.buffered += chunk
    }
    let bytes = Array(self.buffered.prefix(count))
    self.buffered.removeFirst(count)
    return bytes
  }

  /// The next frame, or nil if the connection ended first.
  func readFrame() async throws -> RawFrame? {
    guard let header = try await self.read(Frame.headerSize) else { return nil }
    let length = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
    let streamID = header[6..<10].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard let payload = try await self.read(length) else { return nil }
    return RawFrame(type: header[4], flags: header[5], streamID: streamID, payload: payload)
  }

  /// Everything until the server closes the connection.
  func readToEnd() async throws -> [UInt8] {
    while !self.reachedEnd {
      guard let chunk = try await self.nextChunk() else {
        self.reachedEnd = true
        break
      }
      self.buffered += chunk
    }
    defer { self.buffered = [] }
    return self.buffered
  }

  private func nextChunk() async throws -> [UInt8]? {
    do {
      guard let buffer = try await self.iterator.next() else { return nil }
      return Array(buffer.readableBytesView)
    } catch let error as IOError where error.errnoCode == ECONNRESET {
      return nil
    }
  }
}
