import GRPCCore

/// The inbound side of one client stream, as GRPCCore's client sees it.
///
/// A concrete type rather than the generic `InboundQueue` itself, so that the queue's `next()`
/// is specialized for the element type (see `ServerStreamInbound`).
struct ClientStreamInbound: AsyncSequence, Sendable {
  typealias Element = RPCResponsePart<[UInt8]>
  typealias Failure = any Error

  let queue: InboundQueue<RPCResponsePart<[UInt8]>>

  func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(queue: self.queue)
  }

  struct AsyncIterator: AsyncIteratorProtocol {
    let queue: InboundQueue<RPCResponsePart<[UInt8]>>

    func next() async throws -> RPCResponsePart<[UInt8]>? {
      try await self.queue.next()
    }
  }
}
