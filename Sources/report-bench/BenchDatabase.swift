import Foundation
import LibPQ
import VettingStore

/// The benchmark's scratch database: created fresh, migrated, filled by
/// `SyntheticDirectory`, with an auditor token for the client.
struct BenchDatabase {
  let adminURL: String
  let name: String
  let url: String
  let auditorToken: String

  /// Drops and recreates `name` on the cluster of `adminURL`, migrates it and issues a token.
  static func create(from adminURL: String, name: String) async throws -> BenchDatabase {
    guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
      throw BenchError("--scratch-database must be letters, digits and underscores")
    }
    let admin = try await Connection.connect(to: adminURL)
    try await admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    try await admin.query("CREATE DATABASE \(name)")
    await admin.close()
    guard var components = URLComponents(string: adminURL) else {
      throw BenchError("--database-url must be a postgresql:// URL")
    }
    components.path = "/\(name)"
    let url = components.string!
    let connection = try await Connection.connect(to: url)
    try await MigrationRunner().migrate(on: connection)
    await connection.close()
    let pool = ConnectionPool(configuration: try PostgresConfiguration(url))
    let token = try await TokenStore(pool: pool).issue(
      name: "report-bench", role: .auditor, actor: "report-bench")
    await pool.close()
    return BenchDatabase(adminURL: adminURL, name: name, url: url, auditorToken: token.secret)
  }

  /// Adds `providers` synthetic providers.
  @discardableResult
  func seed(providers: Int, label: String) async throws -> SyntheticDirectory.Counts {
    let connection = try await Connection.connect(to: url)
    do {
      let counts = try await SyntheticDirectory.seed(
        providers: providers, label: label, on: connection)
      await connection.close()
      return counts
    } catch {
      await connection.close()
      throw error
    }
  }

  /// Drops the scratch database.
  func drop() async {
    guard let admin = try? await Connection.connect(to: adminURL) else { return }
    _ = try? await admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    await admin.close()
  }
}
