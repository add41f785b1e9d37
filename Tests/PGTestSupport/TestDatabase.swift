import Foundation
import LibPQ

/// The PostgreSQL the tests run against: the private cluster that `ops/db start` runs, whose URL
/// `ops/test` exports as `VETTING_TEST_DATABASE_URL`.
///
/// Suites that write should not share one database: each takes its own scratch database with
/// ``withScratchDatabase(label:_:)`` (created from `template1`, which has the extensions), so
/// suites running in parallel never see each other's rows.
public enum TestDatabase {
  /// The environment variable holding the test database URL.
  public static let environmentVariable = "VETTING_TEST_DATABASE_URL"

  private static let howToFix =
    "run the tests with ops/test, or start the database with `ops/db start` and "
    + "`export VETTING_TEST_DATABASE_URL=$(ops/db url)` before `swift test`"

  /// The URL from `VETTING_TEST_DATABASE_URL`.
  /// - Throws: ``TestDatabaseError`` when it is missing or empty, saying how to set it.
  public static func url(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String {
    guard let url = environment[environmentVariable], !url.isEmpty else {
      throw TestDatabaseError(
        "\(environmentVariable) is not set: \(howToFix)", code: .notConfigured)
    }
    return url
  }

  /// The parsed configuration of ``url()``.
  public static func configuration() throws -> PostgresConfiguration {
    let url = try url()
    do {
      return try PostgresConfiguration(url)
    } catch {
      throw TestDatabaseError(
        "\(environmentVariable) is not a valid PostgreSQL URL (\(error))", code: .notConfigured)
    }
  }

  /// Connects to the test database (or to `configuration`).
  /// - Throws: ``TestDatabaseError`` when it cannot be reached, with the reason and how to fix it.
  public static func connect(
    _ configuration: PostgresConfiguration? = nil
  ) async throws -> Connection {
    let configuration = try configuration ?? self.configuration()
    do {
      return try await Connection.connect(to: configuration)
    } catch {
      throw TestDatabaseError(
        "the test database at \(configuration) is unreachable (\(error)): \(howToFix)",
        code: .unreachable)
    }
  }

  /// Creates a new, uniquely named database from `template1` on the test server.
  /// Drop it with ``ScratchDatabase/drop()``, or use ``withScratchDatabase(label:_:)``.
  ///
  /// - Parameter label: a readable part of the name (letters, digits, `_`), e.g. the suite's name.
  public static func makeScratchDatabase(label: String = "test") async throws -> ScratchDatabase {
    let base = try configuration()
    let cleanLabel = String(
      label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        .filter { $0.isASCII }.prefix(30))
    let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
      .prefix(12)
    let name = "scratch_\(cleanLabel)_\(suffix)"
    let admin = try await connect(base)
    do {
      try await createDatabase(named: name, using: admin)
      await admin.close()
    } catch {
      await admin.close()
      throw error
    }
    return ScratchDatabase(name: name, configuration: base.with(database: name), server: base)
  }

  private static func createDatabase(named name: String, using admin: Connection) async throws {
    var attempt = 0
    while true {
      do {
        // Identifiers cannot be parameters; the name is built here from [a-z0-9_] only.
        try await admin.execute("CREATE DATABASE \"\(name)\" TEMPLATE template1")
        return
      } catch let error as PostgresError where error.sqlState == .objectInUse && attempt < 20 {
        // Another session is connected to template1 for a moment; try again shortly.
        attempt += 1
        try await Task.sleep(for: .milliseconds(100 * attempt))
      }
    }
  }

  /// Runs `body` with a fresh scratch database and drops the database afterwards, whether `body`
  /// returned or threw.
  public static func withScratchDatabase<T>(
    label: String = "test", _ body: (ScratchDatabase) async throws -> T
  ) async throws -> T {
    let database = try await makeScratchDatabase(label: label)
    do {
      let value = try await body(database)
      try await database.drop()
      return value
    } catch {
      try? await database.drop()
      throw error
    }
  }
}
