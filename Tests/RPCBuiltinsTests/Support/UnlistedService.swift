import GRPCCore

/// A service registered by hand, without generated code or ``MethodListable``: the method listing
/// must still list its method, from the router, with what the descriptor tells.
struct UnlistedService: RegistrableRPCService {
  static let method = MethodDescriptor(
    fullyQualifiedService: "test.v1.Unlisted",
    method: "Ping",
    type: .unary
  )

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: Self.method,
      deserializer: BytesCoder(),
      serializer: BytesCoder(),
      handler: { request, _ in
        var bytes: [UInt8] = []
        for try await message in request.messages {
          bytes += message
        }
        return StreamingServerResponse(single: ServerResponse(message: bytes))
      }
    )
  }
}
