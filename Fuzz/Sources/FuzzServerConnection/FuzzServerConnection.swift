import Dispatch
@_spi(Fuzzing) import FramedRPC
import NIOCore
import NIOEmbedded

/// A whole server connection, exactly the server's pipeline and connection logic with an echo
/// handler, fed the input after a valid preface, on an in-memory channel (no socket): whatever
/// the bytes, the server writes only whole frames, and the connection closes with every
/// handler task returned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServerConnection(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
  let done = DispatchSemaphore(value: 0)
  Task {
    await serve(input)
    done.signal()
  }
  done.wait()
  return 0
}

private let loop = NIOAsyncTestingEventLoop()

private func serve(_ input: [UInt8]) async {
  let channel = NIOAsyncTestingChannel(loop: loop)
  let installed = try? await loop.executeInContext {
    try FramedRPCFuzzing.installServerConnection(on: channel)
  }
  guard let connection = installed else {
    preconditionFailure("the server pipeline could not be installed")
  }
  _ = try? await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7420))
  let running = Task { await connection.run() }
  // Two reads split where the input says, so frames also arrive across reads.
  let split = input.first.map { Int($0) % (input.count + 1) } ?? 0
  _ = try? await channel.writeInbound(ByteBuffer(bytes: FramedRPCFuzzing.preface + input[..<split]))
  _ = try? await channel.writeInbound(ByteBuffer(bytes: input[split...]))
  // Let handler tasks answer before the connection closes.
  for _ in 0..<4 { await Task.yield() }
  await loop.run()
  _ = try? await channel.close()
  await running.value
  // Fire the connection's close timers (it closes a channel whose peer stops reading after 1 s).
  await loop.advanceTime(by: .seconds(20))
  var output: [UInt8] = []
  while let buffer = try? await channel.readOutbound(as: ByteBuffer.self) {
    output += buffer.readableBytesView
  }
  FramedRPCFuzzing.checkServerOutput(output)
  _ = try? await channel.finish(acceptAlreadyClosed: true)
}
