/// What a `FrameReceiver` wants its `FrameDispatchHandler` to do after an event.
enum FrameReceipt {
  /// Go on with the next frame.
  case proceed
  /// A stream's queue is over its limit: stop reading the connection until the function given
  /// here (a queue's `whenSpace`) calls back.
  case pause(whenSpace: (@escaping @Sendable () -> Void) -> Void)
  /// The connection is finished with (the receiver has answered a protocol violation and is
  /// closing it): drop everything else the peer sends.
  case stop
}
