import NIOCore

/// Writes an `OutboundFrameQueue` to the channel, on the event loop, while it is writable.
///
/// Frames are encoded into one buffer per flush (small frames) or written as header and payload
/// buffers (large payloads, to avoid copying them), then flushed once. When the channel stops
/// being writable the flush pauses, leaving frames in the queue (where writers then suspend),
/// and resumes on the writability change.
final class FrameWriterHandler: ChannelDuplexHandler {
  typealias InboundIn = WireEvent
  typealias InboundOut = WireEvent
  typealias OutboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// Payloads at least this large are written as their own buffer rather than copied.
  private static let copyLimit = 16 << 10

  private let queue: OutboundFrameQueue
  private var context: ChannelHandlerContext?

  init(queue: OutboundFrameQueue) {
    self.queue = queue
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    self.queue.attach(self, eventLoop: context.eventLoop)
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.context = nil
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable {
      self.flushQueue()
    }
    context.fireChannelWritabilityChanged()
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.queue.fail(FramedRPCError(code: .connectionClosed, message: "the connection closed"))
    context.fireChannelInactive()
  }

  /// Writes what is queued while the channel is writable. Runs on the event loop.
  func flushQueue() {
    guard let context = self.context else {
      self.queue.flushPaused()
      return
    }
    while true {
      guard context.channel.isWritable else {
        self.queue.flushPaused()
        return
      }
      switch self.queue.takeBatch() {
      case .empty:
        return
      case .finished:
        context.close(promise: nil)
        return
      case .frames(let outputs):
        self.write(outputs, context: context)
      }
    }
  }

  func closeChannel() {
    self.context?.close(promise: nil)
  }

  private func write(_ outputs: [WireOutput], context: ChannelHandlerContext) {
    let total = outputs.reduce(0) { $0 + min($1.wireSize, Frame.headerSize + Self.copyLimit) }
    var buffer = context.channel.allocator.buffer(capacity: total)
    for output in outputs {
      switch output {
      case .preface:
        buffer.writeBytes(Preface.bytes())
      case .frame(let frame) where frame.payload.readableBytes < Self.copyLimit:
        frame.write(to: &buffer)
      case .frame(let frame):
        var header = frame
        header.payload = ByteBuffer()
        header.write(to: &buffer)
        // Fix the length field: the header was written for an empty payload.
        buffer.setInteger(
          UInt32(frame.payload.readableBytes),
          at: buffer.writerIndex - Frame.headerSize
        )
        context.write(self.wrapOutboundOut(buffer), promise: nil)
        context.write(self.wrapOutboundOut(frame.payload), promise: nil)
        buffer = context.channel.allocator.buffer(capacity: total)
      }
    }
    if buffer.readableBytes > 0 {
      context.write(self.wrapOutboundOut(buffer), promise: nil)
    }
    context.flush()
  }
}
