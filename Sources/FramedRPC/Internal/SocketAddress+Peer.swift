import NIOCore

extension Optional where Wrapped == SocketAddress {
  /// The peer string GRPCCore contexts expect, e.g. `ipv4:127.0.0.1:50051`.
  var grpcPeerDescription: String {
    switch self {
    case .some(.v4(let address)):
      return "ipv4:\(address.host):\(self?.port ?? 0)"
    case .some(.v6(let address)):
      return "ipv6:[\(address.host)]:\(self?.port ?? 0)"
    case .some(.unixDomainSocket):
      return "unix:\(self?.pathname ?? "")"
    case .none:
      return "unknown"
    }
  }
}
