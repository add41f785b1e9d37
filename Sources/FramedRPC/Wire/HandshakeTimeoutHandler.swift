import NIOCore

/// Closes the channel when the peer's preface has not arrived within the handshake timeout.
///
/// Sits after the `FrameDecoder`, which emits `.preface` once the preface is valid.
package final class HandshakeTimeoutHandler: ChannelInboundHandler {
  package typealias InboundIn = WireEvent
  package typealias InboundOut = WireEvent

  private let timeout: TimeAmount
  private var scheduled: Scheduled<Void>?
  private var done = false

  package init(timeout: TimeAmount) {
    self.timeout = timeout
  }

  package func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive {
      self.schedule(context: context)
    }
  }

  package func channelActive(context: ChannelHandlerContext) {
    self.schedule(context: context)
    context.fireChannelActive()
  }

  package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if !self.done, case .preface = self.unwrapInboundIn(data) {
      self.done = true
      self.scheduled?.cancel()
      self.scheduled = nil
    }
    context.fireChannelRead(data)
  }

  package func channelInactive(context: ChannelHandlerContext) {
    self.scheduled?.cancel()
    self.scheduled = nil
    context.fireChannelInactive()
  }

  package func handlerRemoved(context: ChannelHandlerContext) {
    self.scheduled?.cancel()
    self.scheduled = nil
  }

  private func schedule(context: ChannelHandlerContext) {
    guard self.scheduled == nil, !self.done else { return }
    let channel = context.channel
    self.scheduled = context.eventLoop.scheduleTask(in: self.timeout) {
      channel.close(promise: nil)
    }
  }
}
