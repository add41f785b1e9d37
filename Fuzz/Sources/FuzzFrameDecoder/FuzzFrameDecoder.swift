@_spi(Fuzzing) import FramedRPC
import NIOCore
import NIOEmbedded

/// The frame decoder after a valid preface, on the server and on the client side: any bytes
/// end in frames within the max frame size, a GOAWAY and close, or a thrown error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  for server in [true, false] {
    let channel = EmbeddedChannel(
      handlers: FramedRPCFuzzing.frameDecoderHandlers(server: server, maxFrameSize: 4_096))
    // Split at a point the input chooses, so frames also arrive across reads.
    let split = input.first.map { Int($0) % (input.count + 1) } ?? 0
    _ = try? channel.writeInbound(ByteBuffer(bytes: FramedRPCFuzzing.preface + input[..<split]))
    _ = try? channel.writeInbound(ByteBuffer(bytes: input[split...]))
    var output: [UInt8] = []
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
      output += buffer.readableBytesView
    }
    if server { FramedRPCFuzzing.checkServerOutput(output) }
    _ = try? channel.finish(acceptAlreadyClosed: true)
  }
  return 0
}
