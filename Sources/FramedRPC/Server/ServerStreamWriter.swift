import GRPCCore

/// The outbound side of one server stream, as GRPCCore's server sees it.
struct ServerStreamWriter: ClosableRPCWriterProtocol {
  typealias Element = RPCResponsePart<[UInt8]>

  let connection: ServerConnection
  let streamID: UInt32

  func write(_ element: Element) async throws {
    try await self.connection.write(element, streamID: self.streamID)
  }

  func write(contentsOf elements: some Sequence<Element>) async throws {
    for element in elements {
      try await self.write(element)
    }
  }

  func finish() async {
    // The stream ends when the handler returns; GRPCCore has written the status by then.
  }

  func finish(throwing error: any Error) async {
    // As above: a handler that ends without a status gets INTERNAL when it returns.
  }
}
