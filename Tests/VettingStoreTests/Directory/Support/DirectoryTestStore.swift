import Foundation
import LibPQ
import StoreTestSupport
import VettingCore
import VettingStore

/// The repositories over a pool on the suite's migrated database, and counters the tests assert
/// with.
struct DirectoryTestStore {
  /// Re-scores judge expiry against this day, so results do not depend on the calendar.
  static let today = Day(year: 2026, month: 11, day: 21)!

  let pool: ConnectionPool
  let directory: DirectoryRepository
  let assessments: AssessmentRepository

  /// Opens a pool on the suite's database, runs `body`, closes the pool.
  static func with<T>(_ body: (DirectoryTestStore) async throws -> T) async throws -> T {
    let pool = ConnectionPool(configuration: try MigratedDatabase.current.configuration)
    let store = DirectoryTestStore(
      pool: pool, directory: DirectoryRepository(pool: pool, today: { today }),
      assessments: AssessmentRepository(pool: pool, today: { today }))
    do {
      let value = try await body(store)
      await pool.close()
      return value
    } catch {
      await pool.close()
      throw error
    }
  }

  /// Audit entries about `entityID`, oldest first, as (action, entity type).
  func audit(entityID: UUID) async throws -> [(action: String, entity: String)] {
    try await pool.query(
      "select action, entity_type from audit_log where entity_id = $1 order by seq", [entityID]
    ).map { (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)) }
  }

  /// Audit entries concerning provider `id`.
  func auditCount(providerID id: UUID) async throws -> Int {
    try await pool.query("select count(*) from audit_log where provider_id = $1", [id])
      .singleRow()!.decode(Int.self, at: 0)
  }

  /// Assessments ever stored for provider `id`.
  func assessmentCount(providerID id: UUID) async throws -> Int {
    try await pool.query("select count(*) from assessments where provider_id = $1", [id])
      .singleRow()!.decode(Int.self, at: 0)
  }

  /// Rows of `table` (one of ours) whose `column` equals `value`.
  func count(_ table: String, where column: String, is value: String) async throws -> Int {
    try await pool.query("select count(*) from \(table) where \(column)::text = $1", [value])
      .singleRow()!.decode(Int.self, at: 0)
  }

  /// Audit entries whose row image (after, or before) has `key` = `value`.
  func auditCount(imageKey key: String, is value: String) async throws -> Int {
    try await pool.query(
      "select count(*) from audit_log where after ->> $1 = $2 or before ->> $1 = $2", [key, value]
    ).singleRow()!.decode(Int.self, at: 0)
  }

  /// Rows of `table` (one of ours) in all.
  func count(_ table: String) async throws -> Int {
    try await pool.query("select count(*) from \(table)").singleRow()!.decode(Int.self, at: 0)
  }
}
