import NIOCore
import SwiftProtobuf

/// Reads the peer's preface, then frames, enforcing the max frame size on the declared length.
///
/// The length check happens as soon as the 10 header bytes are there, so a peer announcing a
/// huge payload is refused before a single payload byte is buffered. On the server the decoder
/// also answers connection-fatal errors itself (bad preface, unsupported version, frame too
/// large): it writes the reply, closes the channel and drops anything else the peer sends, all
/// on the event loop and without involving the connection logic. On the client those errors are
/// thrown, which fails the connection.
package struct FrameDecoder: ByteToMessageDecoder {
  package typealias InboundOut = WireEvent

  /// Which side of the connection this decoder runs on.
  package enum Role: Sendable {
    case server
    case client
  }

  private enum Phase {
    case preface
    case frames
    case closed
  }

  private let role: Role
  private let maxFrameSize: Int
  private var phase: Phase = .preface
  /// Highest client stream id seen in a HEADERS frame, for the GOAWAY this decoder may send.
  private var highestStreamID: UInt32 = 0

  package init(role: Role, maxFrameSize: Int) {
    self.role = role
    self.maxFrameSize = maxFrameSize
  }

  package mutating func decode(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer
  ) throws -> DecodingState {
    switch self.phase {
    case .closed:
      buffer.moveReaderIndex(to: buffer.writerIndex)
      return .needMoreData
    case .preface:
      return try self.decodePreface(context: context, buffer: &buffer)
    case .frames:
      return try self.decodeFrame(context: context, buffer: &buffer)
    }
  }

  package mutating func decodeLast(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer,
    seenEOF: Bool
  ) throws -> DecodingState {
    // A partial frame at EOF is dropped: the connection is ending anyway.
    try self.decode(context: context, buffer: &buffer)
  }

  private mutating func decodePreface(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer
  ) throws -> DecodingState {
    let received = buffer.readableBytesView
    // Decide on the first differing byte, without waiting for all 8.
    for (offset, byte) in received.prefix(Preface.magic.count).enumerated()
    where byte != Preface.magic[offset] {
      return try self.rejectPreface(context: context, buffer: &buffer)
    }
    guard received.count >= Preface.size,
      let version = buffer.getInteger(at: buffer.readerIndex + Preface.magic.count, as: UInt16.self)
    else {
      return .needMoreData
    }
    buffer.moveReaderIndex(forwardBy: Preface.size)

    switch self.role {
    case .server:
      if version != Preface.version {
        var goAway = Framedrpc_V1_GoAway()
        goAway.reason = .unsupportedVersion
        goAway.message =
          "this server speaks FramedRPC version \(Preface.version); the client sent version \(version)"
        self.closeWith(
          Preface.bytes() + Self.goAwayBytes(goAway),
          context: context,
          buffer: &buffer
        )
        return .needMoreData
      }
      context.writeAndFlush(NIOAny(ByteBuffer(bytes: Preface.bytes())), promise: nil)
    case .client:
      if version != Preface.version {
        throw FramedRPCError(
          code: .unsupportedVersion,
          message:
            "the server speaks FramedRPC version \(version); this client speaks version \(Preface.version)"
        )
      }
    }
    self.phase = .frames
    context.fireChannelRead(self.wrapInboundOut(.preface(version: version)))
    return .continue
  }

  private mutating func rejectPreface(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer
  ) throws -> DecodingState {
    let firstByte = buffer.readableBytesView.first ?? 0
    switch self.role {
    case .server:
      self.closeWith(
        Preface.reply(toBadPrefaceStartingWith: firstByte),
        context: context,
        buffer: &buffer
      )
      return .needMoreData
    case .client:
      throw FramedRPCError(
        code: .badPreface,
        message: "the server did not answer with the FramedRPC preface; is this a FramedRPC port?"
      )
    }
  }

  private mutating func decodeFrame(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer
  ) throws -> DecodingState {
    let start = buffer.readerIndex
    guard buffer.readableBytes >= Frame.headerSize,
      let length = buffer.getInteger(at: start, as: UInt32.self),
      let type = buffer.getInteger(at: start + 4, as: UInt8.self),
      let flags = buffer.getInteger(at: start + 5, as: UInt8.self),
      let streamID = buffer.getInteger(at: start + 6, as: UInt32.self)
    else {
      return .needMoreData
    }
    if Int(exactly: length).map({ $0 > self.maxFrameSize }) ?? true {
      let message =
        "frame payload of \(length) bytes exceeds the limit of \(self.maxFrameSize) bytes"
      switch self.role {
      case .server:
        var goAway = Framedrpc_V1_GoAway()
        goAway.lastStreamID = self.highestStreamID
        goAway.reason = .frameTooLarge
        goAway.message = message
        self.closeWith(Self.goAwayBytes(goAway), context: context, buffer: &buffer)
        return .needMoreData
      case .client:
        throw FramedRPCError(code: .frameTooLarge, message: "the server sent a \(message)")
      }
    }
    // `length` is at most `maxFrameSize` (an `Int`) here, so neither the conversion nor the sum
    // can overflow.
    let payloadLength = Int(length)
    guard buffer.readableBytes - Frame.headerSize >= payloadLength,
      let payload = buffer.getSlice(at: start + Frame.headerSize, length: payloadLength)
    else {
      return .needMoreData
    }
    buffer.moveReaderIndex(forwardBy: Frame.headerSize + payloadLength)
    let frame = Frame(
      type: FrameType(rawValue: type),
      flags: FrameFlags(rawValue: flags),
      streamID: streamID,
      payload: payload
    )
    // Only ids a client may open (odd, at most 2^31 - 1) count; ServerConnection refuses others.
    if self.role == .server, frame.type == .headers, streamID > self.highestStreamID,
      streamID % 2 == 1, streamID <= UInt32(Int32.max)
    {
      self.highestStreamID = streamID
    }
    context.fireChannelRead(self.wrapInboundOut(.frame(frame)))
    return .continue
  }

  /// Writes `bytes`, closes the channel once they are written, and ignores all further input.
  private mutating func closeWith(
    _ bytes: [UInt8],
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer
  ) {
    self.phase = .closed
    buffer.moveReaderIndex(to: buffer.writerIndex)
    let channel = context.channel
    context.writeAndFlush(NIOAny(ByteBuffer(bytes: bytes))).whenComplete { _ in
      channel.close(promise: nil)
    }
  }

  /// A complete GOAWAY frame on stream 0.
  package static func goAwayBytes(_ goAway: Framedrpc_V1_GoAway) -> [UInt8] {
    let payload = (try? goAway.serializedBytes() as [UInt8]) ?? []
    var buffer = ByteBuffer()
    Frame(type: .goAway, streamID: 0, payload: ByteBuffer(bytes: payload)).write(to: &buffer)
    return Array(buffer.readableBytesView)
  }
}
