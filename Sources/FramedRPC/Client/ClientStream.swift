import GRPCCore
import NIOCore
import Synchronization

/// One client call's stream on a connection.
final class ClientStream: Sendable {
  typealias RequestPart = RPCRequestPart<[UInt8]>

  private struct State {
    var streamID: UInt32?
    var halfClosed = false
  }

  let connection: ClientConnection
  let descriptor: MethodDescriptor
  let inbound: InboundQueue<RPCResponsePart<[UInt8]>>
  private let state = Mutex(State())

  init(
    connection: ClientConnection,
    descriptor: MethodDescriptor,
    inbound: InboundQueue<RPCResponsePart<[UInt8]>>
  ) {
    self.connection = connection
    self.descriptor = descriptor
    self.inbound = inbound
  }

  func write(_ part: RequestPart) async throws {
    switch part {
    case .metadata(let metadata):
      try await self.open(metadata: metadata)
    case .message(let bytes):
      guard let streamID = self.state.withLock({ $0.halfClosed ? nil : $0.streamID }) else {
        throw RPCError(
          code: .internalError,
          message: "a request message was written before the metadata or after the end"
        )
      }
      guard bytes.count <= self.connection.config.maxFrameSize else {
        throw RPCError(
          code: .resourceExhausted,
          message:
            "request message of \(bytes.count) bytes exceeds the max frame size of "
            + "\(self.connection.config.maxFrameSize) bytes"
        )
      }
      try await self.connection.outbound.enqueue(
        .frame(Frame(type: .message, streamID: streamID, payload: ByteBuffer(bytes: bytes)))
      )
    }
  }

  private func open(metadata: Metadata) async throws {
    var headers = Framedrpc_V1_RequestHeaders()
    headers.path = "/" + self.descriptor.fullyQualifiedMethod
    headers.metadata = metadata.wireEntries
    if let timeout = metadata[stringValues: GRPCTimeout.metadataKey].first(where: { _ in true }),
      let micros = GRPCTimeout.micros(fromMetadataValue: timeout)
    {
      headers.timeoutMicros = micros
    }
    let payload = ByteBuffer(bytes: try headers.serializedBytes() as [UInt8])
    _ = try await self.connection.outbound.enqueueOpening { streamID in
      try self.state.withLock { state in
        guard state.streamID == nil else {
          throw RPCError(code: .internalError, message: "the request metadata was written twice")
        }
        try self.connection.register(streamID, inbound: self.inbound)
        state.streamID = streamID
      }
      return Frame(type: .headers, streamID: streamID, payload: payload)
    }
  }

  /// The client sends no more messages.
  func halfClose() async {
    let streamID = self.state.withLock { state -> UInt32? in
      guard let streamID = state.streamID, !state.halfClosed else { return nil }
      state.halfClosed = true
      return streamID
    }
    guard let streamID else { return }
    try? await self.connection.outbound.enqueue(
      .frame(Frame(type: .halfClose, streamID: streamID, payload: ByteBuffer()))
    )
  }

  /// The call is over for the caller: if the server has not ended it, send CANCEL.
  func close() {
    let streamID = self.state.withLock { state in
      state.halfClosed = true
      return state.streamID
    }
    if let streamID, self.connection.unregister(streamID) {
      self.connection.outbound.enqueueWithoutWaiting(
        .frame(Frame(type: .cancel, streamID: streamID, payload: ByteBuffer()))
      )
    }
    self.inbound.discard()
    self.inbound.finish(throwing: RPCError(code: .cancelled, message: "the call was closed"))
  }
}
