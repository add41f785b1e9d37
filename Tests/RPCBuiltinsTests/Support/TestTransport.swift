import Testing

/// The transports the built-in services are tested over.
enum TestTransport: String, CaseIterable, Sendable, CustomTestStringConvertible {
  /// GRPCCore's in-process transport: the services without any network.
  case inProcess
  /// Standard gRPC over HTTP/2 (grpc-swift-nio-transport) on loopback.
  case http2
  /// Our FramedRPC protocol on loopback.
  case framedRPC

  var testDescription: String { self.rawValue }
}
