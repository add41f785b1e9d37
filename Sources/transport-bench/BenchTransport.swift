/// The transports compared.
enum BenchTransport: String, CaseIterable, Sendable {
  case inProcess = "inprocess"
  case http2
  case framed

  var displayName: String {
    switch self {
    case .inProcess: "in-process (GRPCCore)"
    case .http2: "gRPC/HTTP2 (NIO)"
    case .framed: "FramedRPC"
    }
  }
}
