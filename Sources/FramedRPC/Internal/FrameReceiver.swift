/// The connection logic a `FrameDispatchHandler` feeds. Both methods run on the channel's event
/// loop, so they must not block: they hand frames to streams and queue frames to write.
protocol FrameReceiver: AnyObject, Sendable {
  /// One event from the decoder: the peer's preface, then frames.
  func receive(_ event: WireEvent) -> FrameReceipt

  /// The channel is gone (inactive or removed); `error` is what was caught on it, if anything.
  /// Called exactly once.
  func channelClosed(error: (any Error)?)
}
