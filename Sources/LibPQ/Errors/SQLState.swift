/// A five-character SQLSTATE error code as sent by PostgreSQL
/// (https://www.postgresql.org/docs/current/errcodes-appendix.html).
///
/// Any code can be represented; the common ones have names.
public struct SQLState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  /// The five characters, for example `23505`.
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// The two-character class, for example `23` (integrity constraint violation).
  public var errorClass: String { String(rawValue.prefix(2)) }

  public var description: String { rawValue }

  /// 23505: a unique constraint was violated.
  public static let uniqueViolation = SQLState(rawValue: "23505")
  /// 23503: a foreign key constraint was violated.
  public static let foreignKeyViolation = SQLState(rawValue: "23503")
  /// 23502: a NOT NULL constraint was violated.
  public static let notNullViolation = SQLState(rawValue: "23502")
  /// 23514: a CHECK constraint was violated.
  public static let checkViolation = SQLState(rawValue: "23514")
  /// 23P01: an exclusion constraint was violated.
  public static let exclusionViolation = SQLState(rawValue: "23P01")
  /// 42601: syntax error.
  public static let syntaxError = SQLState(rawValue: "42601")
  /// 42P01: undefined table.
  public static let undefinedTable = SQLState(rawValue: "42P01")
  /// 42703: undefined column.
  public static let undefinedColumn = SQLState(rawValue: "42703")
  /// 40001: serialization failure; the transaction may be retried.
  public static let serializationFailure = SQLState(rawValue: "40001")
  /// 40P01: deadlock detected; the transaction may be retried.
  public static let deadlockDetected = SQLState(rawValue: "40P01")
  /// 57014: the statement was cancelled (for example by `PQcancel`).
  public static let queryCanceled = SQLState(rawValue: "57014")
  /// 28P01: password authentication failed.
  public static let invalidPassword = SQLState(rawValue: "28P01")
  /// 3D000: the database does not exist.
  public static let invalidCatalogName = SQLState(rawValue: "3D000")
  /// 55006: the object is in use (for example a template database with open connections).
  public static let objectInUse = SQLState(rawValue: "55006")
  /// 42501: insufficient privilege (also: a session the role may not terminate).
  public static let insufficientPrivilege = SQLState(rawValue: "42501")
  /// P0001: raised by `RAISE EXCEPTION` in PL/pgSQL.
  public static let raiseException = SQLState(rawValue: "P0001")
  /// 26000: the prepared statement does not exist.
  public static let invalidSQLStatementName = SQLState(rawValue: "26000")
  /// 25P02: the transaction is aborted; commands are ignored until its end.
  public static let inFailedSQLTransaction = SQLState(rawValue: "25P02")
}
