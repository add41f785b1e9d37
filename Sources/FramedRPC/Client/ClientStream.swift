import GRPCCore
import NIOCore
import Synchronization

/// One client call's stream on a connection.
///
/// For methods with a single request message (unary and server-streaming, known from the
/// descriptor's type), the HEADERS frame is held back until that message is written, and both
/// go out together with `END_STREAM` on the message: one write instead of three frames in up to
/// three writes.
final class ClientStream: Sendable {
  typealias RequestPart = RPCRequestPart<[UInt8]>

  private struct State {
    var streamID: UInt32?
    /// Headers held back until the only request message (single-request methods).
    var heldHeaders: ByteBuffer?
    var halfClosed = false
  }

  let connection: ClientConnection
  let descriptor: MethodDescriptor
  let inbound: InboundQueue<RPCResponsePart<[UInt8]>>
  private let singleRequest: Bool
  private let state = Mutex(State())

  init(
    connection: ClientConnection,
    descriptor: MethodDescriptor,
    inbound: InboundQueue<RPCResponsePart<[UInt8]>>
  ) {
    self.connection = connection
    self.descriptor = descriptor
    self.inbound = inbound
    self.singleRequest = descriptor.type.map { !$0.isRequestStreaming } ?? false
  }

  func write(_ part: RequestPart) async throws {
    switch part {
    case .metadata(let metadata):
      try await self.open(metadata: metadata)
    case .message(let bytes):
      guard bytes.count <= self.connection.config.maxFrameSize else {
        throw RPCError(
          code: .resourceExhausted,
          message:
            "request message of \(bytes.count) bytes exceeds the max frame size of "
            + "\(self.connection.config.maxFrameSize) bytes"
        )
      }
      let payload = ByteBuffer(bytes: bytes)
      let held = self.state.withLock { $0.heldHeaders.take() }
      if let held {
        try await self.sendOpening(headers: held, message: payload)
        return
      }
      guard let streamID = self.state.withLock({ $0.halfClosed ? nil : $0.streamID }) else {
        throw RPCError(
          code: .internalError,
          message: "a request message was written before the metadata or after the end"
        )
      }
      try await self.connection.outbound.enqueue(
        .frame(Frame(type: .message, streamID: streamID, payload: payload))
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
    if self.singleRequest {
      let alreadyOpen = self.state.withLock { state in
        if state.streamID != nil || state.heldHeaders != nil { return true }
        state.heldHeaders = payload
        return false
      }
      if alreadyOpen {
        throw RPCError(code: .internalError, message: "the request metadata was written twice")
      }
      return
    }
    try await self.sendOpening(headers: payload, message: nil)
  }

  /// Sends HEADERS (and, for single-request methods, the message with END_STREAM).
  private func sendOpening(headers: ByteBuffer, message: ByteBuffer?) async throws {
    do {
      try await self.enqueueOpening(headers: headers, message: message)
    } catch {
      // The response side must report why the call failed (e.g. UNAVAILABLE because the
      // connection got GOAWAY), not that the stream was later closed.
      self.inbound.finish(throwing: error)
      throw error
    }
  }

  private func enqueueOpening(headers: ByteBuffer, message: ByteBuffer?) async throws {
    _ = try await self.connection.outbound.enqueueOpening { streamID in
      try self.state.withLock { state in
        guard state.streamID == nil else {
          throw RPCError(code: .internalError, message: "the request metadata was written twice")
        }
        try self.connection.register(streamID, inbound: self.inbound)
        state.streamID = streamID
        if message != nil { state.halfClosed = true }
      }
      let opening = Frame(type: .headers, streamID: streamID, payload: headers)
      guard let message else { return [opening] }
      return [
        opening,
        Frame(type: .message, flags: .endStream, streamID: streamID, payload: message),
      ]
    }
  }

  /// The client sends no more messages.
  func halfClose() async {
    enum Action {
      case none
      case openEmpty(ByteBuffer)
      case halfClose(UInt32)
    }
    let action: Action = self.state.withLock { state in
      if let held = state.heldHeaders.take() { return .openEmpty(held) }
      guard let streamID = state.streamID, !state.halfClosed else { return .none }
      state.halfClosed = true
      return .halfClose(streamID)
    }
    switch action {
    case .none:
      return
    case .openEmpty(let headers):
      // A single-request call that ended without its message: open and close at once.
      do {
        _ = try await self.connection.outbound.enqueueOpening { streamID in
          try self.state.withLock { state in
            try self.connection.register(streamID, inbound: self.inbound)
            state.streamID = streamID
            state.halfClosed = true
          }
          return [Frame(type: .headers, flags: .endStream, streamID: streamID, payload: headers)]
        }
      } catch {
        self.inbound.finish(throwing: error)
      }
    case .halfClose(let streamID):
      try? await self.connection.outbound.enqueue(
        .frame(Frame(type: .halfClose, streamID: streamID, payload: ByteBuffer()))
      )
    }
  }

  /// The call is over for the caller: if the server has not ended it, send CANCEL.
  func close() {
    let streamID = self.state.withLock { state in
      state.halfClosed = true
      state.heldHeaders = nil
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
