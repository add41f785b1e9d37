import NIOCore
import NIOSSL

extension FramedRPCClientTransport {
  /// How the client secures its connection with TLS.
  public struct TLS: Sendable {
    /// The TLS settings: trust roots, certificate verification, client certificate if any.
    public var context: NIOSSLContext
    /// The name sent as SNI and checked against the server's certificate; nil to check the
    /// certificate against the connected IP address instead (SNI cannot carry an IP address).
    public var serverHostname: String?

    /// TLS with `context`, verifying the server as `serverHostname`.
    public init(context: NIOSSLContext, serverHostname: String?) {
      self.context = context
      self.serverHostname = serverHostname
    }

    /// TLS that trusts the system's roots, or only the PEM certificates in `trustRootsFile`, and
    /// fully verifies the server's certificate against `host` (a name, or an IP address).
    public static func verifying(host: String, trustRootsFile: String? = nil) throws -> TLS {
      var configuration = TLSConfiguration.makeClientConfiguration()
      if let trustRootsFile {
        configuration.trustRoots = .file(trustRootsFile)
      }
      configuration.certificateVerification = .fullVerification
      let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
      return TLS(
        context: try NIOSSLContext(configuration: configuration),
        serverHostname: isAddress ? nil : host)
    }
  }
}
