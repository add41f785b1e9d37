import GRPCCore

/// The outbound side of one client stream, as GRPCCore's client sees it.
struct ClientStreamWriter: ClosableRPCWriterProtocol {
  typealias Element = RPCRequestPart<[UInt8]>

  let stream: ClientStream

  func write(_ element: Element) async throws {
    try await self.stream.write(element)
  }

  func write(contentsOf elements: some Sequence<Element>) async throws {
    for element in elements {
      try await self.stream.write(element)
    }
  }

  func finish() async {
    await self.stream.halfClose()
  }

  func finish(throwing error: any Error) async {
    // The request side failed: the call cannot succeed, so abandon it.
    self.stream.close()
  }
}
