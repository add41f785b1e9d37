import LibPQ
import PGTestSupport

/// Helpers for tests that need a database of their own (an empty scratch database, dropped after).
enum FreshDatabase {
  /// Runs `body` with a connection to a new, empty scratch database.
  static func withConnection<T>(
    label: String, _ body: (ScratchDatabase, Connection) async throws -> T
  ) async throws -> T {
    try await TestDatabase.withScratchDatabase(label: label) { database in
      let connection = try await database.connect()
      do {
        let value = try await body(database, connection)
        await connection.close()
        return value
      } catch {
        await connection.close()
        throw error
      }
    }
  }
}

extension Connection {
  /// Whether a table of that name exists in the current schema search path.
  func tableExists(_ name: String) async throws -> Bool {
    try await query("select to_regclass($1) is not null", [name]).singleRow()?
      .decode(Bool.self, at: 0) ?? false
  }

  /// The ordinary tables of the `public` schema, sorted.
  func publicTables() async throws -> [String] {
    try await query(
      "select tablename from pg_tables where schemaname = 'public' order by tablename"
    ).map { try $0.decode(String.self, at: 0) }
  }

  /// The versions recorded in `schema_migrations`, in order.
  func recordedVersions() async throws -> [Int] {
    try await query("select version from schema_migrations order by version")
      .map { try $0.decode(Int.self, at: 0) }
  }
}
