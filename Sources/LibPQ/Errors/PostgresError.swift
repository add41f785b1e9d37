/// Every failure the LibPQ layer reports: connecting, server-side errors, encoding parameters,
/// decoding rows, transactions and the pool.
///
/// The ``code`` says what kind of failure it is (it is extensible, like `RPCError.Code`); server
/// errors also carry the fields PostgreSQL sent (SQLSTATE, severity, detail, constraint name, ...).
/// ``description`` is a sentence a person can act on and never contains a password.
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure this is.
  public var code: Code
  /// A message a person can act on.
  public var message: String
  /// The SQLSTATE sent by the server, when the server reported the error.
  public var sqlState: SQLState?
  /// The severity sent by the server (`ERROR`, `FATAL`, `PANIC`), when it reported the error.
  public var severity: String?
  /// The server's secondary message (`DETAIL`), if any.
  public var detail: String?
  /// The server's suggestion (`HINT`), if any.
  public var hint: String?
  /// The schema of the object the error concerns, if any.
  public var schemaName: String?
  /// The table the error concerns, if any.
  public var tableName: String?
  /// The column the error concerns, if any.
  public var columnName: String?
  /// The constraint that was violated, if any (for example on a unique violation).
  public var constraintName: String?
  /// The 1-based character position in the statement where the server located the error, if any.
  public var position: Int?

  /// Creates an error; most errors are created by this library, not by callers.
  public init(
    code: Code,
    message: String,
    sqlState: SQLState? = nil,
    severity: String? = nil,
    detail: String? = nil,
    hint: String? = nil,
    schemaName: String? = nil,
    tableName: String? = nil,
    columnName: String? = nil,
    constraintName: String? = nil,
    position: Int? = nil
  ) {
    self.code = code
    self.message = message
    self.sqlState = sqlState
    self.severity = severity
    self.detail = detail
    self.hint = hint
    self.schemaName = schemaName
    self.tableName = tableName
    self.columnName = columnName
    self.constraintName = constraintName
    self.position = position
  }

  public var description: String {
    var text = "PostgresError.\(code): "
    if let severity { text += "\(severity): " }
    text += message
    if let sqlState { text += " (SQLSTATE \(sqlState.rawValue))" }
    if let constraintName { text += " [constraint \(constraintName)]" }
    if let detail { text += "; detail: \(detail)" }
    if let hint { text += "; hint: \(hint)" }
    return text
  }
}

extension PostgresError {
  /// The kind of a ``PostgresError``. New codes may be added; switch with a `default` case.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Wrapped: String, Sendable, Hashable {
      case invalidConfiguration
      case connectionFailed
      case authenticationFailed
      case connectionLost
      case connectionClosed
      case server
      case encoding
      case decoding
      case transaction
      case poolTimeout
      case poolClosed
    }

    private let wrapped: Wrapped
    private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    /// The connection string or URL could not be parsed.
    public static let invalidConfiguration = Code(.invalidConfiguration)
    /// A connection could not be established (server down, unknown host, unknown database, ...).
    public static let connectionFailed = Code(.connectionFailed)
    /// The server refused the credentials.
    public static let authenticationFailed = Code(.authenticationFailed)
    /// An established connection broke (server restart, network failure); the connection is
    /// unusable and must be replaced.
    public static let connectionLost = Code(.connectionLost)
    /// The connection was closed by this process and cannot be used any more.
    public static let connectionClosed = Code(.connectionClosed)
    /// The server reported an error; see ``PostgresError/sqlState``.
    public static let server = Code(.server)
    /// A parameter could not be encoded.
    public static let encoding = Code(.encoding)
    /// A value in a row could not be decoded as the requested Swift type.
    public static let decoding = Code(.decoding)
    /// A transaction was used wrongly (for example committed twice).
    public static let transaction = Code(.transaction)
    /// No pooled connection became free within the checkout timeout.
    public static let poolTimeout = Code(.poolTimeout)
    /// The pool was closed.
    public static let poolClosed = Code(.poolClosed)

    public var description: String { wrapped.rawValue }
  }
}
