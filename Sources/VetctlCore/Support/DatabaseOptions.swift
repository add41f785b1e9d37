import ArgumentParser
import Foundation
import LibPQ

/// `--database-url` for the commands that talk to PostgreSQL directly (migrate, token bootstrap,
/// demo-data).
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "PostgreSQL URL or conninfo (env VETTING_DATABASE_URL).", valueName: "url"))
  var databaseURL: String?

  func configuration() throws -> PostgresConfiguration {
    guard
      let url = databaseURL
        ?? ProcessInfo.processInfo.environment["VETTING_DATABASE_URL"].flatMap({
          $0.isEmpty ? nil : $0
        })
    else {
      throw VetctlError.usage("--database-url (or VETTING_DATABASE_URL) is required")
    }
    do {
      return try PostgresConfiguration(url)
    } catch {
      throw VetctlError.usage("--database-url: not a usable PostgreSQL URL: \(error)")
    }
  }

  /// Opens one connection, runs `body`, closes it.
  func withConnection<T>(_ body: (Connection) async throws -> T) async throws -> T {
    let connection = try await Connection.connect(to: configuration())
    do {
      let value = try await body(connection)
      await connection.close()
      return value
    } catch {
      await connection.close()
      throw error
    }
  }

  /// Opens two connections (for work that keeps two PostgreSQL backends busy), runs `body`,
  /// closes both.
  func withConnections<T>(_ body: (Connection, Connection) async throws -> T) async throws -> T {
    try await withConnection { first in
      try await withConnection { second in try await body(first, second) }
    }
  }
}
