/// A column of a query result: its name and type.
public struct PostgresColumn: Sendable, Hashable {
  /// The column's name as the server reports it (the alias, if the query gave one).
  public var name: String
  /// The column's type.
  public var type: PostgresType

  /// Creates a column description.
  public init(name: String, type: PostgresType) {
    self.name = name
    self.type = type
  }
}
