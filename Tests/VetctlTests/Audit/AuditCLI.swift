import Foundation
import LibPQ
import Testing

@testable import VetctlCore

/// Steps the audit command tests share: tokens, clinics, scratch directories, SQL.
enum AuditCLI {
  /// Issues a token with `role` through `vetctl token issue`; returns its secret.
  static func issueToken(_ role: String, name: String, on server: RunningServer) async throws
    -> String
  {
    let issued = try await server.vetctl([
      "token", "issue", "--name", name, "--role", role, "-o", "json",
    ])
    guard issued.status == 0,
      let rows = try JSONSerialization.jsonObject(with: Data(issued.output.utf8))
        as? [[String: String]],
      let secret = rows.first?["secret"]
    else { throw SpawnError("vetctl token issue failed: \(issued)") }
    return secret
  }

  /// Adds a clinic through `vetctl clinic add`; returns its id.
  static func addClinic(
    name: String, externalID: String, extra: [String] = [], on server: RunningServer
  ) async throws -> String {
    let added = try await server.vetctl(
      ["clinic", "add", "--external-id", externalID, "--name", name, "-o", "json"] + extra)
    guard added.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(added.output.utf8))
        as? [String: Any],
      let id = object["id"] as? String
    else { throw SpawnError("vetctl clinic add failed: \(added)") }
    return id
  }

  /// Runs `body` with a fresh directory, removed afterwards.
  static func withDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("vetctl-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory.path)
  }

  /// The records of a CSV file or text (header first).
  static func csv(_ text: String) -> [[String]] {
    CSVReader.records(text).map(\.fields)
  }

  /// A JSON array of objects, as the listings print with `-o json`.
  static func jsonRows(_ text: String) throws -> [[String: String]] {
    guard
      let rows = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]]
    else { throw SpawnError("not a JSON array of objects: \(text)") }
    return rows
  }

  /// Runs `sql` on the server's database and returns every row's cells as text (NULL: nil).
  static func query(_ sql: String, on server: RunningServer) async throws -> [[String?]] {
    let connection = try await Connection.connect(to: server.databaseURL)
    do {
      let result = try await connection.query(sql)
      let rows = try result.map { row in
        try (0..<row.count).map { try row.decode(String?.self, at: $0) }
      }
      await connection.close()
      return rows
    } catch {
      await connection.close()
      throw error
    }
  }
}
