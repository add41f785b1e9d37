import LibPQ
import PGTestSupport

extension Connection {
  /// Runs `body` with a connection to the test database and closes it afterwards.
  static func withTestConnection<T>(
    _ configuration: PostgresConfiguration? = nil,
    _ body: (Connection) async throws -> T
  ) async throws -> T {
    let connection = try await TestDatabase.connect(configuration)
    do {
      let value = try await body(connection)
      await connection.close()
      return value
    } catch {
      await connection.close()
      throw error
    }
  }

  /// `SELECT $1::<sqlType>` and decode the result as `T`.
  func echo<T: PostgresEncodable & PostgresDecodable>(
    _ value: T, as sqlType: String
  ) async throws -> T {
    let rows = try await query("SELECT $1::\(sqlType) AS value", [value])
    return try rows[0].decode(T.self, "value")
  }
}
