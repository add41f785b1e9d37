import FramedRPC
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP/1.1 server for Prometheus scrapes of `/metrics`.
final class MetricsHTTPServer: Sendable {
  private let channel: any Channel

  /// The bound address (the real port when 0 was asked for).
  let address: FramedRPCAddress

  private init(channel: any Channel, address: FramedRPCAddress) {
    self.channel = channel
    self.address = address
  }

  /// Binds `address` and serves `render()`'s output at `/metrics`.
  static func bind(
    _ address: FramedRPCAddress,
    render: @escaping @Sendable () -> [UInt8]
  ) async throws -> MetricsHTTPServer {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(render: render))
        }
      }
      .bind(host: address.host, port: address.port)
      .get()
    let bound = channel.localAddress.flatMap { local in
      local.port.map { FramedRPCAddress(host: address.host, port: $0) }
    }
    return MetricsHTTPServer(channel: channel, address: bound ?? address)
  }

  /// Stops listening.
  func close() async {
    try? await self.channel.close()
  }
}
