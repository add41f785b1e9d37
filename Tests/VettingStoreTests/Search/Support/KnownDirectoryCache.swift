import LibPQ
import StoreTestSupport

/// Inserts ``KnownDirectory`` once per scratch database, however many tests ask for it.
actor KnownDirectoryCache {
  static let shared = KnownDirectoryCache()

  private var seeded: [String: Task<KnownDirectory, any Error>] = [:]

  /// The known directory in the suite's database.
  static func current() async throws -> KnownDirectory {
    let database = try MigratedDatabase.current
    return try await shared.directory(in: database.name) {
      try await MigratedDatabase.withConnection { try await KnownDirectory.insert(on: $0) }
    }
  }

  private func directory(
    in name: String, insert: @escaping @Sendable () async throws -> KnownDirectory
  ) async throws -> KnownDirectory {
    if let task = seeded[name] { return try await task.value }
    let task = Task { try await insert() }
    seeded[name] = task
    return try await task.value
  }
}
