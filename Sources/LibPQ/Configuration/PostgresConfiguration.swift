import CLibPQ

/// Where and how to connect: parsed from a libpq conninfo string (`host=... port=... dbname=...`)
/// or a `postgresql://user:password@host:port/database?option=value` URL.
///
/// Parsing uses libpq's own `PQconninfoParse`, so every libpq keyword is accepted and spelled as
/// libpq spells it (`host`, `port`, `user`, `password`, `dbname`, `sslmode`, `connect_timeout`,
/// `application_name`, ...). Values come only from the string: environment variables such as
/// `PGHOST` are applied by libpq at connect time for keywords the string leaves out.
///
/// ``description`` never shows the password; ``urlString`` does (it is meant for handing the
/// configuration to a child process).
public struct PostgresConfiguration: Sendable, Hashable, CustomStringConvertible {
  /// The libpq keywords and their values (only keywords that have a value); any libpq keyword
  /// may be set, e.g. `options["connect_timeout"] = "3"`.
  public var options: [String: String]

  /// Seconds to wait for a connection when the string does not say (`connect_timeout`).
  public static let defaultConnectTimeoutSeconds = 10

  /// Parses a conninfo string or a `postgresql://` (or `postgres://`) URL.
  ///
  /// - Throws: ``PostgresError`` with code ``PostgresError/Code/invalidConfiguration`` naming
  ///   what libpq could not parse.
  public init(_ connectionString: String) throws {
    var errorMessage: UnsafeMutablePointer<CChar>?
    guard let parsed = PQconninfoParse(connectionString, &errorMessage) else {
      var reason = "unknown reason"
      if let errorMessage {
        reason = String(cString: errorMessage).trimmingWhitespace()
        PQfreemem(errorMessage)
      }
      throw PostgresError(
        code: .invalidConfiguration,
        message: "the PostgreSQL connection string or URL is not valid: \(reason)")
    }
    defer { PQconninfoFree(parsed) }
    var options: [String: String] = [:]
    var cursor = parsed
    while let keyword = cursor.pointee.keyword {
      if let value = cursor.pointee.val {
        options[String(cString: keyword)] = String(cString: value)
      }
      cursor += 1
    }
    self.options = options
  }

  /// Creates a configuration from libpq keywords and values, e.g. `["host": "127.0.0.1"]`.
  public init(options: [String: String]) {
    self.options = options
  }

  /// The host (name, address or socket directory), if given.
  public var host: String? {
    get { options["host"] ?? options["hostaddr"] }
    set { options["host"] = newValue }
  }

  /// The port, if given.
  public var port: Int? {
    get { options["port"].flatMap { Int($0) } }
    set { options["port"] = newValue.map { String($0) } }
  }

  /// The user name, if given.
  public var user: String? {
    get { options["user"] }
    set { options["user"] = newValue }
  }

  /// The password, if given.
  public var password: String? {
    get { options["password"] }
    set { options["password"] = newValue }
  }

  /// The database name, if given.
  public var database: String? {
    get { options["dbname"] }
    set { options["dbname"] = newValue }
  }

  /// A copy that connects to another database on the same server with the same credentials.
  public func with(database: String) -> PostgresConfiguration {
    var copy = self
    copy.database = database
    return copy
  }

  /// `user@host:port/database`, for messages; never includes the password.
  public var endpointDescription: String {
    let hostPart = host ?? "the default host (PGHOST or the local socket)"
    let portPart = port.map { ":\($0)" } ?? ""
    let userPart = user ?? "the default user"
    let databasePart = database ?? "the default database"
    return "host \(hostPart)\(portPart) as user \(userPart), database \(databasePart)"
  }

  /// A `postgresql://` URL without the password.
  public var description: String { makeURL(includingPassword: false) }

  /// A `postgresql://` URL carrying every option, including the password. Handle with care.
  public var urlString: String { makeURL(includingPassword: true) }

  private func makeURL(includingPassword: Bool) -> String {
    var url = "postgresql://"
    var query: [(String, String)] = []
    if let user {
      url += Self.percentEncode(user)
      if includingPassword, let password {
        url += ":" + Self.percentEncode(password)
      }
      url += "@"
    }
    // Several hosts or ports ("a,b") and non-numeric ports go into the query part verbatim.
    let rawHost = options["host"]
    let rawPort = options["port"]
    let simple = rawHost?.contains(",") != true && (rawPort == nil || port != nil)
    if simple {
      if let rawHost {
        url += rawHost.contains(":") ? "[\(rawHost)]" : Self.percentEncode(rawHost)
      }
      if let port { url += ":\(port)" }
    } else {
      if let rawHost { query.append(("host", rawHost)) }
      if let rawPort { query.append(("port", rawPort)) }
    }
    url += "/"
    if let database { url += Self.percentEncode(database) }
    let reserved: Set<String> = ["user", "password", "host", "port", "dbname"]
    query += options.filter { !reserved.contains($0.key) }.sorted { $0.key < $1.key }
    for (index, (key, value)) in query.enumerated() {
      url += (index == 0 ? "?" : "&") + key + "=" + Self.percentEncode(value)
    }
    return url
  }

  private static func percentEncode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }

  /// The keywords handed to `PQconnectdbParams`: the parsed options, a default connect timeout,
  /// and `client_encoding=UTF8` (this layer decodes text as UTF-8, so it is not negotiable).
  var connectParameters: [(String, String)] {
    var parameters = options
    if parameters["connect_timeout"] == nil {
      parameters["connect_timeout"] = String(Self.defaultConnectTimeoutSeconds)
    }
    parameters["client_encoding"] = "UTF8"
    return parameters.sorted { $0.key < $1.key }
  }
}
