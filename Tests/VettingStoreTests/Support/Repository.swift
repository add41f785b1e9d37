import Foundation

/// Paths inside this repository, found from this source file's location so tests do not depend on
/// the working directory `swift test` runs in.
enum Repository {
  /// The repository root (this file is `Tests/VettingStoreTests/Support/Repository.swift`).
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // VettingStoreTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// `sql/migrations`.
  static let migrationsDirectory: URL = root.appendingPathComponent("sql/migrations")
}
