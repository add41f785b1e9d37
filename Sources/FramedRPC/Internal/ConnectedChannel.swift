import NIOCore

/// A connection's channel as the connection logic uses it: frames in through the async
/// channel, frames out through the queue its `FrameWriterHandler` writes.
struct ConnectedChannel: Sendable {
  var channel: NIOAsyncChannel<WireEvent, Never>
  var outbound: OutboundFrameQueue
}
