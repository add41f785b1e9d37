/// One migration file as found on disk or embedded in the binary: its file name and its text.
///
/// This is the raw input to a ``MigrationCatalog``; the catalog parses the name into a version and
/// checks the set as a whole.
public struct MigrationFile: Sendable, Hashable {
  /// The file name, for example `0001_foundation.sql`.
  public var fileName: String
  /// The SQL text, exactly as in the file.
  public var sql: String

  /// Creates a migration file from its name and text.
  public init(fileName: String, sql: String) {
    self.fileName = fileName
    self.sql = sql
  }
}
