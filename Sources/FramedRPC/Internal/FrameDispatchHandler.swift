import NIOCore

/// Hands a connection's decoded frames to its `FrameReceiver` on the event loop, and stops
/// reading the socket while a stream's queue is full.
///
/// Why a handler and not an `NIOAsyncChannel` read by a task: that design moved every read from
/// the event loop to a reader task and from there to the task consuming the stream, two thread
/// hand-offs where one will do, on each side of every call (several microseconds each on a
/// loaded machine, most of FramedRPC's latency over the in-process transport). Dispatching here,
/// the only hand-off left on the way in is the one to the task that consumes the stream.
///
/// Backpressure: when the receiver answers `.pause`, the frames already decoded from the last
/// read are held here (at most what one read delivered), `read()` requests are held back so the
/// socket is not read any more, and both resume once the stream's consumer has caught up. This
/// keeps the bound the reader task had: a consumer that stops consuming stops the connection
/// (head-of-line blocking, FRAMING.md §6.1), it never grows memory.
final class FrameDispatchHandler<Receiver: FrameReceiver>: ChannelDuplexHandler {
  typealias InboundIn = WireEvent
  // Writes pass through untouched; this handler only intercepts `read()`.
  typealias OutboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let receiver: Receiver
  private var context: ChannelHandlerContext?
  /// Events decoded while paused, dispatched in order on resume.
  private var held = CircularBuffer<WireEvent>()
  private var paused = false
  /// A `read()` arrived while paused: issue it on resume.
  private var readHeld = false
  private var stopped = false
  private var closed = false
  private var caught: (any Error)?

  init(receiver: Receiver) {
    self.receiver = receiver
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.context = nil
    // A channel that never became active (a failed connect) gets no `channelInactive`.
    self.close()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let event = self.unwrapInboundIn(data)
    if self.stopped { return }
    if self.paused {
      self.held.append(event)
      return
    }
    self.dispatch(event, loop: context.eventLoop)
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.close()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // Last in the pipeline: the error is the connection's end, reported by `channelClosed`.
    if self.caught == nil { self.caught = error }
    context.close(promise: nil)
  }

  func read(context: ChannelHandlerContext) {
    if self.paused {
      self.readHeld = true
    } else {
      context.read()
    }
  }

  private func dispatch(_ event: WireEvent, loop: any EventLoop) {
    switch self.receiver.receive(event) {
    case .proceed:
      break
    case .stop:
      self.stopped = true
      self.held.removeAll()
    case .pause(let whenSpace):
      self.paused = true
      let bound = NIOLoopBound(self, eventLoop: loop)
      // Always through `execute`, even when called back at once: never re-entered mid-dispatch.
      whenSpace {
        bound.eventLoop.execute { bound.value.resume() }
      }
    }
  }

  private func resume() {
    guard self.paused, let context = self.context else { return }
    self.paused = false
    while !self.paused, !self.stopped, let event = self.held.popFirst() {
      self.dispatch(event, loop: context.eventLoop)
    }
    if !self.paused, self.readHeld {
      self.readHeld = false
      context.read()
    }
  }

  private func close() {
    self.stopped = true
    self.held.removeAll()
    guard !self.closed else { return }
    self.closed = true
    self.receiver.channelClosed(error: self.caught)
  }
}
