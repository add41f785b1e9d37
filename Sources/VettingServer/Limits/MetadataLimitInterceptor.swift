import GRPCCore

/// Refuses a call whose request metadata is over `--max-metadata-bytes` with RESOURCE_EXHAUSTED,
/// that call alone, before any handler runs: on gRPC/HTTP2 what FramedRPC's connection does for
/// its own streams (proto-spec/FRAMING.md, section 6), counted the same way (each key's UTF-8
/// length plus its value's length, UTF-8 for text, raw for binary).
///
/// It cannot cover the whole range: swift-nio-http2 treats a header block over the connection's
/// SETTINGS_MAX_HEADER_LIST_SIZE (16384 bytes as HTTP/2 counts them, 32 more per header and the
/// pseudo-headers included; grpc-swift-nio-transport does not let it be changed) as a connection
/// error, so such a call ends the connection with GOAWAY before any stream exists to refuse. See
/// docs/SERVER.md, "Limits on each listener".
struct MetadataLimitInterceptor: ServerInterceptor {
  let maxBytes: Int

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (StreamingServerRequest<Input>, ServerContext) async throws ->
      StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let size = Self.size(of: request.metadata)
    guard size <= self.maxBytes else {
      throw RPCError(
        code: .resourceExhausted,
        message:
          "request metadata is \(size) bytes, over this server's limit of \(self.maxBytes) "
          + "(--max-metadata-bytes)")
    }
    return try await next(request, context)
  }

  /// FramedRPC's count: key bytes plus value bytes over every entry.
  static func size(of metadata: Metadata) -> Int {
    var total = 0
    for entry in metadata {
      total += entry.key.utf8.count
      switch entry.value {
      case .string(let text): total += text.utf8.count
      case .binary(let bytes): total += bytes.count
      }
    }
    return total
  }
}
