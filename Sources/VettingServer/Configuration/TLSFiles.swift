import FramedRPC
import GRPCNIOTransportHTTP2Posix
public import NIOSSL

/// The server's TLS certificate chain and private key, as PEM files (`--tls-certificate`,
/// `--tls-key`). Both listeners (FramedRPC and gRPC/HTTP2) use them; `/metrics` stays plaintext.
public struct TLSFiles: Sendable, Hashable {
  /// The certificate chain, leaf first, PEM.
  public var certificateFile: String
  /// The leaf's private key, PEM.
  public var privateKeyFile: String

  /// The files at these paths.
  public init(certificateFile: String, privateKeyFile: String) {
    self.certificateFile = certificateFile
    self.privateKeyFile = privateKeyFile
  }

  /// Reads both files into a server TLS context.
  /// - Throws: ``ConfigurationError`` naming the flag whose file is unreadable or not PEM.
  public func makeServerContext() throws -> NIOSSLContext {
    let certificates: [NIOSSLCertificate]
    do {
      certificates = try NIOSSLCertificate.fromPEMFile(certificateFile)
    } catch {
      throw ConfigurationError(
        "--tls-certificate (VETTING_TLS_CERTIFICATE): cannot read PEM certificates from "
          + "\(certificateFile): \(error)", code: .invalidValue)
    }
    guard !certificates.isEmpty else {
      throw ConfigurationError(
        "--tls-certificate (VETTING_TLS_CERTIFICATE): \(certificateFile) holds no certificate",
        code: .invalidValue)
    }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
    } catch {
      throw ConfigurationError(
        "--tls-key (VETTING_TLS_KEY): cannot read a PEM private key from \(privateKeyFile): "
          + "\(error)", code: .invalidValue)
    }
    do {
      return try NIOSSLContext(
        configuration: .makeServerConfiguration(
          certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key)))
    } catch {
      throw ConfigurationError(
        "--tls-certificate and --tls-key: \(certificateFile) and \(privateKeyFile) do not make a "
          + "usable TLS identity (does the key match the certificate?): \(error)",
        code: .invalidValue)
    }
  }

  /// The same files for the gRPC/HTTP2 listener.
  var http2Security: HTTP2ServerTransport.Posix.TransportSecurity {
    .tls(
      certificateChain: [.file(path: certificateFile, format: .pem)],
      privateKey: .file(path: privateKeyFile, format: .pem))
  }
}
