import LibPQ

/// A migration could not be loaded, checked or applied.
///
/// The ``message`` names the file concerned and says what to do; ``underlying`` holds the database
/// error when the server refused something.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public var code: Code
  /// A message a person can act on; it names the migration file when there is one.
  public var message: String
  /// The migration file concerned, if any.
  public var fileName: String?
  /// The database error behind this one, if any.
  public var underlying: PostgresError?

  /// Creates an error; most are created by the catalog and the runner.
  public init(
    code: Code,
    message: String,
    fileName: String? = nil,
    underlying: PostgresError? = nil
  ) {
    self.code = code
    self.message = message
    self.fileName = fileName
    self.underlying = underlying
  }

  public var description: String {
    var text = "MigrationError.\(code): \(message)"
    if let underlying { text += " — \(underlying)" }
    return text
  }
}

extension MigrationError {
  /// The kind of a ``MigrationError``. New codes may be added; switch with a `default` case.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Wrapped: String, Sendable, Hashable {
      case invalidFileName
      case duplicateVersion
      case unreadableSource
      case emptyCatalog
      case checksumMismatch
      case unknownAppliedMigration
      case outOfOrder
      case migrationFailed
      case database
    }

    private let wrapped: Wrapped

    private init(_ wrapped: Wrapped) {
      self.wrapped = wrapped
    }

    public var description: String { wrapped.rawValue }

    /// A file name is not of the form `0001_lower_case_name.sql`.
    public static let invalidFileName = Self(.invalidFileName)
    /// Two files share a version number.
    public static let duplicateVersion = Self(.duplicateVersion)
    /// The migrations directory or a file in it could not be read, or is not UTF-8.
    public static let unreadableSource = Self(.unreadableSource)
    /// There are no migrations at all (almost certainly the wrong directory).
    public static let emptyCatalog = Self(.emptyCatalog)
    /// An already-applied migration's file changed since it was applied.
    public static let checksumMismatch = Self(.checksumMismatch)
    /// The database records a migration this build does not have (the database is newer).
    public static let unknownAppliedMigration = Self(.unknownAppliedMigration)
    /// A pending migration is numbered below one already applied.
    public static let outOfOrder = Self(.outOfOrder)
    /// A migration's SQL failed; its transaction was rolled back and it is not recorded.
    public static let migrationFailed = Self(.migrationFailed)
    /// The runner's own bookkeeping (lock, `schema_migrations`) failed.
    public static let database = Self(.database)
  }
}
