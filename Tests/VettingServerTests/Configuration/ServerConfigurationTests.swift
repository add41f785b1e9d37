import ArgumentParser
import FramedRPC
import TLSTestSupport
import Testing

@testable import VettingServer

@Suite("ServerConfiguration: flags, environment, defaults")
struct ServerConfigurationTests {
  private func resolve(
    _ arguments: [String], environment: [String: String] = [:]
  ) throws -> ServerConfiguration {
    try ServerConfiguration.resolve(
      options: ServerOptions.parse(arguments), environment: environment)
  }

  @Test("defaults apply when only the database is given")
  func defaults() throws {
    let config = try resolve(["--database-url", "postgresql://u@h/db"])
    #expect(config.databaseURL == "postgresql://u@h/db")
    #expect(config.listen == FramedRPCAddress(host: "0.0.0.0", port: 7420))
    #expect(config.grpcListen == nil)
    #expect(config.metricsListen == FramedRPCAddress(host: "127.0.0.1", port: 9420))
    #expect(config.poolSize == 10)
    #expect(config.maxFrameSize == 4 << 20)
    #expect(config.maxConcurrentStreams == 100)
    #expect(config.maxMetadataBytes == 16 << 10)
    #expect(config.maxConnections == 1024)
    #expect(config.handshakeTimeout == .seconds(10))
    #expect(config.idleTimeout == .seconds(300))
    #expect(config.migrate == false)
    #expect(config.databaseCheckInterval == .seconds(1))
    #expect(config.drainTimeout == .seconds(30))
    #expect(config.logLevel == .info)
    #expect(config.rubric.version == "2026.1")
  }

  @Test("every flag is applied")
  func flags() throws {
    let config = try resolve([
      "--database-url", "postgresql://u@h/db", "--listen", "127.0.0.1:9000",
      "--grpc-listen", "[::1]:9001", "--metrics-listen", "off", "--pool-size", "3",
      "--max-frame-size", "65536", "--max-concurrent-streams", "7", "--max-metadata-bytes", "4096",
      "--max-connections", "9", "--handshake-timeout", "2.5", "--idle-timeout", "60s",
      "--migrate", "--db-check-interval", "0.25", "--not-serving-delay", "1",
      "--drain-timeout", "5", "--log-level", "DEBUG", "--rubric-version", "2026.2",
    ])
    #expect(config.listen == FramedRPCAddress(host: "127.0.0.1", port: 9000))
    #expect(config.grpcListen == FramedRPCAddress(host: "::1", port: 9001))
    #expect(config.metricsListen == nil)
    #expect(config.poolSize == 3)
    #expect(config.maxFrameSize == 65536)
    #expect(config.maxConcurrentStreams == 7)
    #expect(config.maxMetadataBytes == 4096)
    #expect(config.maxConnections == 9)
    #expect(config.handshakeTimeout == .milliseconds(2500))
    #expect(config.idleTimeout == .seconds(60))
    #expect(config.migrate)
    #expect(config.databaseCheckInterval == .milliseconds(250))
    #expect(config.notServingDelay == .seconds(1))
    #expect(config.drainTimeout == .seconds(5))
    #expect(config.logLevel == .debug)
    #expect(config.rubric.version == "2026.2")
    let framed = try config.framedRPCConfig()
    #expect(framed.maxFrameSize == 65536)
    #expect(framed.maxConcurrentStreams == 7)
    #expect(framed.maxConnections == 9)
  }

  @Test("environment variables apply when no flag is given")
  func environment() throws {
    let config = try resolve(
      [],
      environment: [
        "VETTING_DATABASE_URL": "postgresql://env@h/db", "VETTING_LISTEN": ":7000",
        "VETTING_GRPC_LISTEN": "0.0.0.0:7001", "VETTING_POOL_SIZE": "4",
        "VETTING_MIGRATE": "true", "VETTING_METRICS_LISTEN": "127.0.0.1:0",
        "VETTING_IDLE_TIMEOUT": "30", "VETTING_RUBRIC_VERSION": "2026.2",
      ])
    #expect(config.databaseURL == "postgresql://env@h/db")
    #expect(config.listen == FramedRPCAddress(host: "0.0.0.0", port: 7000))
    #expect(config.grpcListen == FramedRPCAddress(host: "0.0.0.0", port: 7001))
    #expect(config.poolSize == 4)
    #expect(config.migrate)
    #expect(config.metricsListen == FramedRPCAddress(host: "127.0.0.1", port: 0))
    #expect(config.idleTimeout == .seconds(30))
    #expect(config.rubric.version == "2026.2")
  }

  @Test("a flag wins over its environment variable")
  func precedence() throws {
    let config = try resolve(
      ["--pool-size", "2", "--database-url", "postgresql://flag@h/db", "--listen", "1.2.3.4:1"],
      environment: [
        "VETTING_POOL_SIZE": "50", "VETTING_DATABASE_URL": "postgresql://env@h/db",
        "VETTING_LISTEN": "5.6.7.8:2", "VETTING_MAX_CONNECTIONS": "12",
      ])
    #expect(config.poolSize == 2)
    #expect(config.databaseURL == "postgresql://flag@h/db")
    #expect(config.listen == FramedRPCAddress(host: "1.2.3.4", port: 1))
    #expect(config.maxConnections == 12)
  }

  @Test(
    "a bad value is refused with an error naming the flag and its variable",
    arguments: [
      (["--pool-size", "0"], "--pool-size (VETTING_POOL_SIZE)"),
      (["--pool-size", "ten"], "--pool-size (VETTING_POOL_SIZE)"),
      (["--listen", "localhost"], "--listen (VETTING_LISTEN)"),
      (["--listen", "localhost:70000"], "--listen (VETTING_LISTEN)"),
      (["--grpc-listen", "[::1"], "--grpc-listen (VETTING_GRPC_LISTEN)"),
      (["--max-frame-size", "12"], "--max-frame-size (VETTING_MAX_FRAME_SIZE)"),
      (["--idle-timeout=-1"], "--idle-timeout (VETTING_IDLE_TIMEOUT)"),
      (["--handshake-timeout", "soon"], "--handshake-timeout (VETTING_HANDSHAKE_TIMEOUT)"),
      (["--log-level", "loud"], "--log-level (VETTING_LOG_LEVEL)"),
      (["--metrics-listen", "x:y"], "--metrics-listen (VETTING_METRICS_LISTEN)"),
      (["--page-token-key", "short"], "--page-token-key (VETTING_PAGE_TOKEN_KEY)"),
      (["--rubric-version", "2025.9"], "--rubric-version (VETTING_RUBRIC_VERSION)"),
    ])
  func badFlag(arguments: [String], named: String) throws {
    let error = try #require(throws: ConfigurationError.self) {
      try resolve(["--database-url", "postgresql://u@h/db"] + arguments)
    }
    #expect(error.code == .invalidValue)
    #expect(error.message.hasPrefix(named), "\(error.message)")
  }

  @Test("a bad environment value names the variable")
  func badEnvironment() throws {
    let error = try #require(throws: ConfigurationError.self) {
      try resolve(
        [],
        environment: ["VETTING_DATABASE_URL": "postgresql://u@h/db", "VETTING_MIGRATE": "maybe"])
    }
    #expect(error.message.contains("VETTING_MIGRATE"))
    #expect(error.message.contains("maybe"))
  }

  @Test("no database URL is a clear error")
  func missingDatabase() throws {
    let error = try #require(throws: ConfigurationError.self) { try resolve([]) }
    #expect(error.code == .missingValue)
    #expect(error.message.contains("--database-url"))
    #expect(error.message.contains("VETTING_DATABASE_URL"))
  }

  @Test(
    "TLS needs both the certificate and the key, by flag or variable",
    arguments: [
      (["--tls-certificate", "/c.pem"], [String: String]()),
      (["--tls-key", "/k.pem"], [String: String]()),
      ([String](), ["VETTING_TLS_CERTIFICATE": "/c.pem"]),
    ])
  func tlsNeedsBoth(arguments: [String], environment: [String: String]) throws {
    let error = try #require(throws: ConfigurationError.self) {
      try resolve(["--database-url", "postgresql://u@h/db"] + arguments, environment: environment)
    }
    #expect(error.code == .missingValue)
    #expect(error.message.contains("--tls-certificate") && error.message.contains("--tls-key"))
  }

  @Test("TLS files are read at start-up; a bad one is named by its flag")
  func tlsFiles() throws {
    let certificate = try TestCertificate.make()
    let config = try resolve(
      [
        "--database-url", "postgresql://u@h/db", "--tls-certificate", certificate.certificateFile,
      ], environment: ["VETTING_TLS_KEY": certificate.privateKeyFile])
    #expect(
      config.tls
        == TLSFiles(
          certificateFile: certificate.certificateFile, privateKeyFile: certificate.privateKeyFile))
    #expect(try config.framedRPCConfig().tls != nil)

    let missing = try #require(throws: ConfigurationError.self) {
      try resolve([
        "--database-url", "postgresql://u@h/db", "--tls-certificate", "/nonexistent/cert.pem",
        "--tls-key", certificate.privateKeyFile,
      ])
    }
    #expect(missing.message.hasPrefix("--tls-certificate (VETTING_TLS_CERTIFICATE)"))
    #expect(missing.message.contains("/nonexistent/cert.pem"))

    let swapped = try #require(throws: ConfigurationError.self) {
      try resolve([
        "--database-url", "postgresql://u@h/db", "--tls-certificate", certificate.certificateFile,
        "--tls-key", certificate.certificateFile,
      ])
    }
    #expect(swapped.message.hasPrefix("--tls-key (VETTING_TLS_KEY)"))
  }

  @Test("an unknown flag is refused by the parser")
  func unknownFlag() {
    #expect(throws: (any Error).self) { try ServerOptions.parse(["--pool", "3"]) }
  }
}
