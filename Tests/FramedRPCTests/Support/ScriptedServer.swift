import FramedRPC
import NIOCore
import NIOPosix
import Synchronization

/// A TCP server that answers every connection with scripted bytes, for client tests that need
/// a misbehaving server.
///
/// Each step is written once the connection has received at least `afterReceiving` bytes.
struct ScriptStep: Sendable {
  var afterReceiving: Int
  var reply: [UInt8]
}

func withScriptedServer<T: Sendable>(
  _ script: [ScriptStep],
  _ body: (_ port: Int) async throws -> T
) async throws -> T {
  let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .bind(host: "127.0.0.1", port: 0) { channel in
      channel.eventLoop.makeCompletedFuture {
        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
      }
    }
  let port = server.channel.localAddress?.port ?? 0
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask {
      try await server.executeThenClose { connections in
        try await withThrowingDiscardingTaskGroup { connectionGroup in
          for try await connection in connections {
            connectionGroup.addTask {
              try? await connection.executeThenClose { inbound, outbound in
                var received = 0
                var remaining = script[...]
                for try await chunk in inbound {
                  received += chunk.readableBytes
                  while let step = remaining.first, received >= step.afterReceiving {
                    try await outbound.write(ByteBuffer(bytes: step.reply))
                    remaining = remaining.dropFirst()
                  }
                }
              }
            }
          }
        }
      }
    }
    defer { group.cancelAll() }
    return try await body(port)
  }
}

/// A complete frame's bytes.
func frameBytes(
  _ type: FrameType,
  flags: FrameFlags = [],
  streamID: UInt32,
  payload: [UInt8] = []
) -> [UInt8] {
  var buffer = ByteBuffer()
  Frame(type: type, flags: flags, streamID: streamID, payload: ByteBuffer(bytes: payload))
    .write(to: &buffer)
  return Array(buffer.readableBytesView)
}
