import Foundation
import LibPQ

/// A separate, private PostgreSQL cluster for tests that restart or stop the server, so that
/// restarting it never disturbs suites using the main test cluster.
///
/// It is `ops/db` run with `VETTING_PG_DIR=<repo>/.local/pg-test-<unique>`. The path of `ops/db`
/// comes from `VETTING_OPS_DB` (set by `ops/test`), else from this file's location in the checkout.
/// Starting takes a few seconds (initdb). Always ``stop()`` it (``withCluster(_:)`` does), which
/// also deletes its directory.
public final class ThrowawayCluster: Sendable {
  /// The cluster's directory (`VETTING_PG_DIR`).
  public let directory: String
  /// The path of the `ops/db` script.
  public let opsDB: String
  /// How to connect to the cluster's application database (available after ``start()``).
  public let configuration: PostgresConfiguration

  private init(directory: String, opsDB: String, configuration: PostgresConfiguration) {
    self.directory = directory
    self.opsDB = opsDB
    self.configuration = configuration
  }

  /// Creates and starts a new cluster.
  public static func start(filePath: String = #filePath) async throws -> ThrowawayCluster {
    let opsDB = try locateOpsDB(filePath: filePath)
    let root = URL(fileURLWithPath: opsDB).deletingLastPathComponent()
      .deletingLastPathComponent().path
    // ops/db picks the first free port when it creates a cluster; two clusters created at the
    // same moment can pick the same one and the second fails to start. A fresh try (new
    // directory, new port choice) settles it.
    var attempt = 1
    var directory = ""
    while true {
      directory = "\(root)/.local/pg-test-\(UUID().uuidString.lowercased().prefix(8))"
      do {
        try await run(opsDB, ["start"], directory: directory)
        break
      } catch {
        _ = try? await run(opsDB, ["stop"], directory: directory)
        try? FileManager.default.removeItem(atPath: directory)
        guard attempt < 3 else { throw error }
        attempt += 1
      }
    }
    let url = try await run(opsDB, ["url"], directory: directory)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let configuration: PostgresConfiguration
    do {
      configuration = try PostgresConfiguration(url)
    } catch {
      _ = try? await run(opsDB, ["stop"], directory: directory)
      throw TestDatabaseError(
        "ops/db url printed an invalid URL \"\(url)\": \(error)", code: .clusterCommandFailed)
    }
    return ThrowawayCluster(directory: directory, opsDB: opsDB, configuration: configuration)
  }

  /// Starts a cluster, runs `body`, then stops and deletes the cluster, whatever `body` did.
  public static func withCluster<T>(
    filePath: String = #filePath, _ body: (ThrowawayCluster) async throws -> T
  ) async throws -> T {
    let cluster = try await start(filePath: filePath)
    do {
      let value = try await body(cluster)
      try await cluster.stop()
      return value
    } catch {
      try? await cluster.stop()
      throw error
    }
  }

  /// `ops/db restart` (fast shutdown: every connection is closed by the server).
  public func restart() async throws {
    try await Self.run(opsDB, ["restart"], directory: directory)
  }

  /// `ops/db stop`, keeping the cluster's files: the database is down until ``resume()``.
  public func pause() async throws {
    try await Self.run(opsDB, ["stop"], directory: directory)
  }

  /// `ops/db start` after ``pause()``: the same cluster, on the same port.
  public func resume() async throws {
    try await Self.run(opsDB, ["start"], directory: directory)
  }

  /// `ops/db stop`, then deletes the cluster's directory.
  public func stop() async throws {
    try await Self.run(opsDB, ["stop"], directory: directory)
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Connects to the cluster's application database.
  public func connect() async throws -> Connection {
    try await Connection.connect(to: configuration)
  }

  private static func locateOpsDB(filePath: String) throws -> String {
    if let path = ProcessInfo.processInfo.environment["VETTING_OPS_DB"], !path.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: path) else {
        throw TestDatabaseError(
          "VETTING_OPS_DB=\(path) is not an executable file", code: .clusterCommandFailed)
      }
      return path
    }
    // Tests/PGTestSupport/ThrowawayCluster.swift → <repo>/ops/db
    let derived = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ops/db").path
    guard FileManager.default.isExecutableFile(atPath: derived) else {
      throw TestDatabaseError(
        "cannot find ops/db (set VETTING_OPS_DB to its path; looked at \(derived))",
        code: .clusterCommandFailed)
    }
    return derived
  }

  /// Runs ops/db with `VETTING_PG_DIR` set and returns its standard output.
  @discardableResult
  private static func run(
    _ opsDB: String, _ arguments: [String], directory: String
  ) async throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["VETTING_PG_DIR"] = directory
    let outcome = try await ChildProcess.run(opsDB, arguments, environment: environment)
    guard outcome.status == 0 else {
      throw TestDatabaseError(
        "`VETTING_PG_DIR=\(directory) \(opsDB) \(arguments.joined(separator: " "))` failed with "
          + "status \(outcome.status): \(outcome.standardError)",
        code: .clusterCommandFailed)
    }
    return outcome.standardOutput
  }
}
