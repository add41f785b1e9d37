import Foundation
import FramedRPC
import Logging
import VettingCore

extension ServerConfiguration {
  /// One setting: its flag and its environment variable, for lookups and error messages.
  public struct Setting: Sendable, Hashable {
    /// The long flag, e.g. `--pool-size`.
    public var flag: String
    /// The environment variable, e.g. `VETTING_POOL_SIZE`.
    public var environmentVariable: String

    var label: String { "\(self.flag) (\(self.environmentVariable))" }

    static func named(_ name: String) -> Setting {
      let variable = "VETTING_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
      return Setting(flag: "--" + name, environmentVariable: variable)
    }
  }

  /// Builds a configuration from flags, then environment variables, then defaults, in that order
  /// of precedence.
  ///
  /// - Throws: ``ConfigurationError`` naming the flag and variable of the first bad value.
  public static func resolve(
    options: ServerOptions,
    environment: [String: String]
  ) throws -> ServerConfiguration {
    let reader = Reader(environment: environment)
    guard let url = reader.value(options.databaseURL, .named("database-url")), !url.isEmpty
    else {
      throw ConfigurationError(
        "no database: pass --database-url or set VETTING_DATABASE_URL "
          + "(e.g. postgresql://user:password@localhost:5432/vetting)",
        code: .missingValue)
    }
    var config = ServerConfiguration(databaseURL: url)

    let certificate = reader.value(options.tlsCertificate, .named("tls-certificate"))
    let key = reader.value(options.tlsKey, .named("tls-key"))
    switch (certificate, key) {
    case (nil, nil):
      break
    case (let certificate?, let key?):
      let files = TLSFiles(certificateFile: certificate, privateKeyFile: key)
      _ = try files.makeServerContext()  // a bad file stops the server now, naming the flag
      config.tls = files
    case (nil, _?), (_?, nil):
      throw ConfigurationError(
        "--tls-certificate (VETTING_TLS_CERTIFICATE) and --tls-key (VETTING_TLS_KEY) go "
          + "together: give both to serve TLS, or neither for plaintext",
        code: .missingValue)
    }

    if let text = reader.value(options.listen, .named("listen")) {
      config.listen = try parseAddress(text, .named("listen"))
    }
    if let text = reader.value(options.grpcListen, .named("grpc-listen")) {
      config.grpcListen = try parseOptionalAddress(text, .named("grpc-listen"))
    }
    if let text = reader.value(options.metricsListen, .named("metrics-listen")) {
      config.metricsListen = try parseOptionalAddress(text, .named("metrics-listen"))
    }
    config.poolSize = try reader.integer(
      options.poolSize, .named("pool-size"), in: 1...1000, default: config.poolSize)
    config.maxFrameSize = try reader.integer(
      options.maxFrameSize, .named("max-frame-size"), in: 1024...(256 << 20),
      default: config.maxFrameSize)
    config.maxConcurrentStreams = try reader.integer(
      options.maxConcurrentStreams, .named("max-concurrent-streams"), in: 1...100_000,
      default: config.maxConcurrentStreams)
    config.maxMetadataBytes = try reader.integer(
      options.maxMetadataBytes, .named("max-metadata-bytes"), in: 256...(16 << 20),
      default: config.maxMetadataBytes)
    config.maxConnections = try reader.integer(
      options.maxConnections, .named("max-connections"), in: 1...1_000_000,
      default: config.maxConnections)
    config.handshakeTimeout = try reader.seconds(
      options.handshakeTimeout, .named("handshake-timeout"), in: 0.001...3600,
      default: config.handshakeTimeout)
    config.idleTimeout = try reader.seconds(
      options.idleTimeout, .named("idle-timeout"), in: 0.001...86_400,
      default: config.idleTimeout)
    config.databaseCheckInterval = try reader.seconds(
      options.dbCheckInterval, .named("db-check-interval"), in: 0.05...3600,
      default: config.databaseCheckInterval)
    config.notServingDelay = try reader.seconds(
      options.notServingDelay, .named("not-serving-delay"), in: 0...600,
      default: config.notServingDelay)
    config.drainTimeout = try reader.seconds(
      options.drainTimeout, .named("drain-timeout"), in: 0.001...3600,
      default: config.drainTimeout)
    if let key = reader.value(options.pageTokenKey, .named("page-token-key")) {
      guard key.utf8.count >= 32 else {
        throw ConfigurationError(
          "\(Setting.named("page-token-key").label): must be at least 32 characters "
            + "(e.g. the output of `openssl rand -hex 32`)",
          code: .invalidValue)
      }
      config.pageTokenKey = Data(key.utf8)
    }
    config.debugCallDelay = try reader.seconds(
      options.debugCallDelay, .named("debug-call-delay"), in: 0...600,
      default: config.debugCallDelay)
    if let version = reader.value(options.rubricVersion, .named("rubric-version")) {
      guard let rubric = Rubric.named(version) else {
        throw ConfigurationError(
          "\(Setting.named("rubric-version").label): \"\(version)\" is not a published rubric "
            + "version; use one of " + Rubric.publishedVersions,
          code: .invalidValue)
      }
      config.rubric = rubric
    }
    if options.migrate {
      config.migrate = true
    } else if let text = reader.value(nil, .named("migrate")) {
      config.migrate = try parseBool(text, .named("migrate"))
    }
    if let text = reader.value(options.logLevel, .named("log-level")) {
      guard let level = Logger.Level(rawValue: text.lowercased()) else {
        throw ConfigurationError(
          "\(Setting.named("log-level").label): \"\(text)\" is not a log level; use one of "
            + Logger.Level.allCases.map(\.rawValue).joined(separator: ", "),
          code: .invalidValue)
      }
      config.logLevel = level
    }
    return config
  }

  /// Parses `host:port`, `[ipv6]:port` or `:port` (all interfaces).
  static func parseAddress(_ text: String, _ setting: Setting) throws -> FramedRPCAddress {
    let invalid = ConfigurationError(
      "\(setting.label): \"\(text)\" is not an address; use host:port, [ipv6]:port or :port "
        + "with a port from 0 to 65535 (e.g. 0.0.0.0:7420)",
      code: .invalidValue)
    let host: Substring
    let portText: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { throw invalid }
      host = text[text.index(after: text.startIndex)..<close]
      let rest = text[text.index(after: close)...]
      guard rest.hasPrefix(":") else { throw invalid }
      portText = rest.dropFirst()
    } else {
      guard let colon = text.lastIndex(of: ":") else { throw invalid }
      host = text[..<colon]
      portText = text[text.index(after: colon)...]
      if host.contains(":") { throw invalid }
    }
    guard let port = Int(portText), (0...65535).contains(port) else { throw invalid }
    return FramedRPCAddress(host: host.isEmpty ? "0.0.0.0" : String(host), port: port)
  }

  private static func parseOptionalAddress(
    _ text: String, _ setting: Setting
  ) throws -> FramedRPCAddress? {
    text.lowercased() == "off" ? nil : try parseAddress(text, setting)
  }

  private static func parseBool(_ text: String, _ setting: Setting) throws -> Bool {
    switch text.lowercased() {
    case "1", "true", "yes", "on": return true
    case "0", "false", "no", "off", "": return false
    default:
      throw ConfigurationError(
        "\(setting.label): \"\(text)\" is not a boolean; use true or false",
        code: .invalidValue)
    }
  }

  /// Looks a setting up in the flags, then the environment.
  private struct Reader {
    var environment: [String: String]

    func value(_ flag: String?, _ setting: Setting) -> String? {
      flag ?? self.environment[setting.environmentVariable]
    }

    func integer(
      _ flag: String?, _ setting: Setting, in range: ClosedRange<Int>, default value: Int
    ) throws -> Int {
      guard let text = self.value(flag, setting) else { return value }
      guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number)
      else {
        throw ConfigurationError(
          "\(setting.label): \"\(text)\" is not a whole number from \(range.lowerBound) to "
            + "\(range.upperBound)",
          code: .invalidValue)
      }
      return number
    }

    func seconds(
      _ flag: String?, _ setting: Setting, in range: ClosedRange<Double>, default value: Duration
    ) throws -> Duration {
      guard let text = self.value(flag, setting) else { return value }
      var trimmed = Substring(text.trimmingCharacters(in: .whitespaces))
      if trimmed.hasSuffix("s") { trimmed = trimmed.dropLast() }
      guard let number = Double(trimmed), number.isFinite, range.contains(number) else {
        throw ConfigurationError(
          "\(setting.label): \"\(text)\" is not a number of seconds from \(range.lowerBound) "
            + "to \(range.upperBound) (e.g. 1.5)",
          code: .invalidValue)
      }
      return .milliseconds(Int64((number * 1000).rounded()))
    }
  }
}
