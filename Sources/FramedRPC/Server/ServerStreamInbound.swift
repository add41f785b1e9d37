import GRPCCore

/// The inbound side of one server stream, as GRPCCore's server sees it.
///
/// A concrete type rather than the generic `InboundQueue` itself: GRPCCore reads the stream
/// through a type-erased sequence, so the queue's own conformance would run the unspecialized
/// generic `next()`, which looks up generic type metadata at run time on every element (a few
/// per cent of a unary call's CPU in a profile). Calling the queue from here, with the element
/// type known, lets the compiler specialize it.
struct ServerStreamInbound: AsyncSequence, Sendable {
  typealias Element = RPCRequestPart<[UInt8]>
  typealias Failure = any Error

  let queue: InboundQueue<RPCRequestPart<[UInt8]>>

  func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(queue: self.queue)
  }

  struct AsyncIterator: AsyncIteratorProtocol {
    let queue: InboundQueue<RPCRequestPart<[UInt8]>>

    func next() async throws -> RPCRequestPart<[UInt8]>? {
      try await self.queue.next()
    }
  }
}
