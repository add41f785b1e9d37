import LibPQ

/// A uniquely named database created for one test or suite on the test server.
public struct ScratchDatabase: Sendable {
  /// The database's name.
  public let name: String
  /// How to connect to it (same server and credentials as the test database).
  public let configuration: PostgresConfiguration
  /// How to connect to the server's main test database (used to drop this one).
  let server: PostgresConfiguration

  init(name: String, configuration: PostgresConfiguration, server: PostgresConfiguration) {
    self.name = name
    self.configuration = configuration
    self.server = server
  }

  /// Its `postgresql://` URL, password included (for child processes such as a server under test).
  public var url: String { configuration.urlString }

  /// Connects to it.
  public func connect() async throws -> Connection {
    try await TestDatabase.connect(configuration)
  }

  /// Drops it, disconnecting any session still using it (PostgreSQL 13+ `WITH (FORCE)`).
  ///
  /// FORCE may not terminate a session the test role does not own: an autovacuum worker that
  /// the server started on the new database refuses it with 42501 for the moment it runs. Such a
  /// worker is gone within moments, so the drop is retried for a few seconds.
  public func drop() async throws {
    let admin = try await TestDatabase.connect(server)
    var attempt = 0
    while true {
      do {
        try await admin.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        await admin.close()
        return
      } catch let error as PostgresError
        where (error.sqlState == .insufficientPrivilege || error.sqlState == .objectInUse)
        && attempt < 20
      {
        attempt += 1
        try? await Task.sleep(for: .milliseconds(100 * attempt))
      } catch {
        await admin.close()
        throw error
      }
    }
  }
}
