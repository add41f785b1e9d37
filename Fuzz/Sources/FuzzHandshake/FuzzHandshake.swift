@_spi(Fuzzing) import FramedRPC
import NIOCore
import NIOEmbedded

/// The connection preface from the first byte, on both sides: the server answers only with its
/// preface (and then frames), the HTTP 400 reply, the noise line, or nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHandshake(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  for server in [true, false] {
    let channel = EmbeddedChannel(
      handlers: FramedRPCFuzzing.frameDecoderHandlers(server: server, maxFrameSize: 4_096))
    // Byte by byte: the preface check must decide on partial input the same way.
    for byte in input {
      _ = try? channel.writeInbound(ByteBuffer(bytes: [byte]))
    }
    var output: [UInt8] = []
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
      output += buffer.readableBytesView
    }
    if server { FramedRPCFuzzing.checkServerOutput(output) }
    _ = try? channel.finish(acceptAlreadyClosed: true)
  }
  return 0
}
