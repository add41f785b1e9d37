/// The complete result of one statement: its rows (copied out of libpq), its columns and its
/// command tag.
public struct PostgresQueryResult: Sendable, RandomAccessCollection {
  /// The result's columns (empty for statements that return no rows).
  public let columns: [PostgresColumn]
  /// The rows.
  public let rows: [PostgresRow]
  /// The command tag, e.g. `INSERT 0 1` or `SELECT 3`.
  public let commandTag: String
  /// Rows affected by INSERT, UPDATE, DELETE, MERGE, SELECT, MOVE, FETCH or COPY; `nil` for other
  /// commands.
  public let affectedRows: Int?

  init(columns: [PostgresColumn], rows: [PostgresRow], commandTag: String, affectedRows: Int?) {
    self.columns = columns
    self.rows = rows
    self.commandTag = commandTag
    self.affectedRows = affectedRows
  }

  public var startIndex: Int { rows.startIndex }
  public var endIndex: Int { rows.endIndex }
  public subscript(position: Int) -> PostgresRow { rows[position] }

  /// The only row, or `nil` when there is none; more than one row is an error (a query meant to
  /// find one row found several).
  public func singleRow() throws -> PostgresRow? {
    guard rows.count <= 1 else {
      throw PostgresError(
        code: .decoding, message: "expected at most one row, the statement returned \(rows.count)")
    }
    return rows.first
  }
}
