/// SQL that each connection prepares once (parse and plan) and then executes with new
/// parameters, for statements run often.
///
/// ```swift
/// static let clinicByID = PreparedStatement("SELECT name FROM clinics WHERE id = $1")
/// let rows = try await connection.query(Self.clinicByID, [id])
/// ```
///
/// A connection keeps one server-side statement per SQL text and parameter types (up to 512;
/// beyond that statements run unprepared). A pool's connections each prepare on first use.
public struct PreparedStatement: Sendable, Hashable {
  /// The SQL, with parameters `$1`, `$2`, ...
  public let sql: String

  /// Wraps SQL to be prepared.
  public init(_ sql: String) {
    self.sql = sql
  }
}
