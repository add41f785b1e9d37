/// One row of a query result, already copied out of libpq (rows outlive the `PGresult`, which is
/// cleared as soon as the statement finishes).
///
/// Decode values by position or by column name:
/// ```swift
/// let id = try row.decode(UUID.self, at: 0)
/// let name = try row.decode(String.self, "name")
/// let note = try row.decode(String?.self, "note")  // NULL → nil
/// ```
public struct PostgresRow: Sendable {
  /// The result's columns.
  public let columns: [PostgresColumn]
  let values: [[UInt8]?]
  let columnIndexes: [String: Int]

  init(columns: [PostgresColumn], values: [[UInt8]?], columnIndexes: [String: Int]) {
    self.columns = columns
    self.values = values
    self.columnIndexes = columnIndexes
  }

  /// The number of columns.
  public var count: Int { values.count }

  /// The undecoded value at a position.
  public func cell(at index: Int) throws -> PostgresCell {
    guard values.indices.contains(index) else {
      throw PostgresError(
        code: .decoding,
        message:
          "the row has \(values.count) column(s) (\(columnNameList)); there is no column at "
          + "index \(index)")
    }
    return PostgresCell(
      bytes: values[index].map { $0[...] }, type: columns[index].type, format: .binary,
      columnName: columns[index].name, columnIndex: index)
  }

  /// The undecoded value of the first column with this name.
  public func cell(_ name: String) throws -> PostgresCell {
    guard let index = columnIndexes[name] else {
      throw PostgresError(
        code: .decoding,
        message: "the row has no column named \"\(name)\"; its columns are: \(columnNameList)")
    }
    return try cell(at: index)
  }

  /// Whether the value at a position is `NULL`.
  public func isNull(at index: Int) throws -> Bool {
    try cell(at: index).bytes == nil
  }

  /// Decodes the value at a position.
  public func decode<T: PostgresDecodable>(_ type: T.Type, at index: Int) throws -> T {
    try T.decode(from: cell(at: index))
  }

  /// Decodes the value of the first column with this name.
  public func decode<T: PostgresDecodable>(_ type: T.Type, _ name: String) throws -> T {
    try T.decode(from: cell(name))
  }

  /// Decodes the columns in order into a tuple, e.g.
  /// `let (id, name) = try row.decode((UUID, String).self)`.
  /// The row must have exactly as many columns as the tuple has elements.
  public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> (
    repeat each T
  ) {
    var index = 0
    var expected = 0
    for _ in repeat (each T).self { expected += 1 }
    guard expected == values.count else {
      throw PostgresError(
        code: .decoding,
        message:
          "cannot decode \(values.count) column(s) (\(columnNameList)) into a tuple of "
          + "\(expected) element(s)")
    }
    func next<V: PostgresDecodable>(_ type: V.Type) throws -> V {
      defer { index += 1 }
      return try V.decode(from: cell(at: index))
    }
    return (repeat try next((each T).self))
  }

  private var columnNameList: String {
    columns.map(\.name).joined(separator: ", ")
  }
}
