import EchoTestSupport
import FramedRPC
import GRPCCore
import NIOSSL
import TLSTestSupport
import Testing

/// FramedRPC inside TLS (FRAMING.md §2.1).
@Suite("FramedRPC over TLS")
struct TLSTests {
  static func serverConfig(_ certificate: TestCertificate) throws -> FramedRPCServerTransport.Config
  {
    var config = FramedRPCServerTransport.Config.defaults
    config.tls = try NIOSSLContext(
      configuration: .makeServerConfiguration(
        certificateChain: try NIOSSLCertificate.fromPEMFile(certificate.certificateFile).map {
          .certificate($0)
        },
        privateKey: .privateKey(
          try NIOSSLPrivateKey(file: certificate.privateKeyFile, format: .pem))
      ))
    config.handshakeTimeout = .seconds(2)
    return config
  }

  @Test("a client trusting the certificate calls over TLS, by IP address and by name")
  func verifiedCalls() async throws {
    let certificate = try TestCertificate.make()
    try await withEchoServer(config: try Self.serverConfig(certificate)) { _, port, _ in
      for host in ["127.0.0.1", "localhost"] {
        var config = FramedRPCClientTransport.Config.defaults
        config.tls = try .verifying(host: host, trustRootsFile: certificate.certificateFile)
        let transport = FramedRPCClientTransport(
          target: FramedRPCAddress(host: host, port: port), config: config)
        try await withGRPCClient(transport: transport) { client in
          let echo = Echo_V1_Echo.Client(wrapping: client)
          let reply = try await echo.get(.with { $0.text = "secret" })
          #expect(reply.text == "secret")
        }
      }
    }
  }

  @Test("a client that does not trust the certificate fails with UNAVAILABLE, not a hang")
  func untrusted() async throws {
    let certificate = try TestCertificate.make()
    let other = try TestCertificate.make()
    try await withEchoServer(config: try Self.serverConfig(certificate)) { _, port, _ in
      var config = FramedRPCClientTransport.Config.defaults
      config.tls = try .verifying(host: "127.0.0.1", trustRootsFile: other.certificateFile)
      config.connectTimeout = .seconds(2)
      try await withEchoClient(port: port, config: config) { echo in
        let error = await #expect(throws: RPCError.self) {
          var options = CallOptions.defaults
          options.timeout = .seconds(5)
          _ = try await echo.get(.with { $0.text = "hi" }, options: options)
        }
        #expect(error?.code == .unavailable || error?.code == .deadlineExceeded)
      }
    }
  }

  @Test("a plaintext client against a TLS server fails cleanly; the server keeps serving")
  func plaintextClient() async throws {
    let certificate = try TestCertificate.make()
    try await withEchoServer(config: try Self.serverConfig(certificate)) { _, port, _ in
      var plain = FramedRPCClientTransport.Config.defaults
      plain.connectTimeout = .seconds(2)
      try await withEchoClient(port: port, config: plain) { echo in
        let error = await #expect(throws: RPCError.self) {
          var options = CallOptions.defaults
          options.timeout = .seconds(5)
          _ = try await echo.get(.with { $0.text = "hi" }, options: options)
        }
        #expect(error?.code == .unavailable || error?.code == .deadlineExceeded)
      }
      var secure = FramedRPCClientTransport.Config.defaults
      secure.tls = try .verifying(host: "127.0.0.1", trustRootsFile: certificate.certificateFile)
      try await withEchoClient(port: port, config: secure) { echo in
        let reply = try await echo.get(.with { $0.text = "still here" })
        #expect(reply.text == "still here")
      }
    }
  }
}
