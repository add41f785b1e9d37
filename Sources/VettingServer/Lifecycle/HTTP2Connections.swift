import NIOCore
import Synchronization

/// The gRPC/HTTP2 listener's open connections and, for each, its open streams, as the
/// transport's channel callbacks report them (``trackConnection(_:)``, ``trackStream(_:)``).
///
/// It lets a drain close the connections that hold no stream. grpc-swift-nio-transport ends a
/// connection gracefully with GOAWAY and a PING, and closes it only once the client acknowledges
/// that PING; a client that never does (one that stopped reading, or is stalled itself) held
/// the whole drain for its full `--drain-timeout` with no call in flight (docs/SERVER.md,
/// "Stopping").
final class HTTP2Connections: Sendable {
  private struct Connection {
    let channel: any Channel
    var streams = 0
  }

  private let open = Mutex<[ObjectIdentifier: Connection]>([:])

  /// Connections open now.
  var connectionCount: Int { self.open.withLock { $0.count } }

  /// Streams open now, over all connections.
  var streamCount: Int { self.open.withLock { $0.values.reduce(0) { $0 + $1.streams } } }

  /// For `channelDebuggingCallbacks.onAcceptTCPConnection`.
  @Sendable func trackConnection(_ channel: any Channel) -> EventLoopFuture<Void> {
    let id = ObjectIdentifier(channel)
    self.open.withLock { $0[id] = Connection(channel: channel) }
    channel.closeFuture.whenComplete { _ in self.open.withLock { $0[id] = nil } }
    return channel.eventLoop.makeSucceededVoidFuture()
  }

  /// For `channelDebuggingCallbacks.onAcceptHTTP2Stream`: the stream's parent is its connection.
  @Sendable func trackStream(_ stream: any Channel) -> EventLoopFuture<Void> {
    if let parent = stream.parent {
      let id = ObjectIdentifier(parent)
      self.open.withLock { $0[id]?.streams += 1 }
      stream.closeFuture.whenComplete { _ in self.open.withLock { $0[id]?.streams -= 1 } }
    }
    return stream.eventLoop.makeSucceededVoidFuture()
  }

  /// Closes every connection that has no open stream and returns how many it closed.
  func closeConnectionsWithoutStreams() -> Int {
    let idle = self.open.withLock { open in
      open.values.filter { $0.streams == 0 }.map(\.channel)
    }
    for channel in idle { channel.close(promise: nil) }
    return idle.count
  }

  /// Once the drain has begun: after `grace` (time enough for a healthy client to answer the
  /// GOAWAY's PING and for the transport to close the connection itself), closes every
  /// connection that holds no stream, and keeps doing so every `interval` until none is open.
  /// A connection with a stream open is left to the drain (its call finishes or is cancelled at
  /// the drain timeout). `onClose` is told how many it closed each time it closes some.
  func closeIdleWhileDraining(
    grace: Duration, interval: Duration, onClose: @Sendable (Int) -> Void
  ) async {
    guard (try? await Task.sleep(for: grace)) != nil else { return }
    while self.connectionCount > 0 {
      let closed = self.closeConnectionsWithoutStreams()
      if closed > 0 { onClose(closed) }
      guard (try? await Task.sleep(for: interval)) != nil else { return }
    }
  }
}
