import Foundation
import LibPQ

/// One consistent, read-only view of the directory, read through server-side cursors.
///
/// Audit reads stream answers of any size (a report over 100,000 providers) with constant memory
/// in this process: rows are fetched in batches with `FETCH`, handed on one by one, and dropped. A
/// `REPEATABLE READ READ ONLY` transaction makes every statement of the read see the same
/// snapshot, so a report's rows and its summary agree even while admins keep writing, and a row
/// is never seen twice or missed (keyset paging in READ COMMITTED could do both).
struct Snapshot {
  /// The connection in the snapshot's transaction.
  let connection: Connection
  /// The transaction's start (`now()`): "now" for everything read in this snapshot; days are
  /// UTC days.
  let now: Date

  /// Runs `body` in a new snapshot on a pooled connection; the transaction is rolled back (there
  /// is nothing to commit) however `body` ends.
  static func read<T>(pool: ConnectionPool, _ body: (Snapshot) async throws -> T) async throws -> T
  {
    try await mapErrors {
      try await pool.withConnection { connection in
        try await connection.transaction(isolation: .repeatableRead) { tx in
          try await tx.query("SET TRANSACTION READ ONLY")
          // Days (`::date`, `current_date`) are UTC days, like VettingCore's `Day(Date)`.
          try await tx.query("SET LOCAL TIME ZONE 'UTC'")
          // These queries are long but simple scans and joins: JIT compilation cost more than it
          // saved (measured on the 100,000-provider report: 2.3 s compiling a 1.0 s query).
          try await tx.query("SET LOCAL jit = off")
          guard let now = try await tx.query("select now()").singleRow()?.decode(Date.self, at: 0)
          else { throw StoreError(code: .internal, message: "select now() returned no row") }
          return try await body(Snapshot(connection: tx, now: now))
        }
      }
    }
  }

  /// Runs `sql` through a cursor and calls `body` for every row, in order, fetching `batchSize`
  /// rows at a time. `body` may suspend (a slow client): the cursor simply waits.
  ///
  /// - Parameter sql: one SELECT; parameters as `$1`, `$2`, ….
  func forEachRow(
    _ sql: String, _ parameters: [any PostgresEncodable] = [], batchSize: Int = 500,
    _ body: (PostgresRow) async throws -> Void
  ) async throws {
    let name = "audit_cursor"
    try await connection.query("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", parameters)
    while true {
      try Task.checkCancellation()
      let batch = try await connection.query("FETCH FORWARD \(max(1, batchSize)) FROM \(name)")
      for row in batch { try await body(row) }
      if batch.count < batchSize { break }
    }
    try await connection.query("CLOSE \(name)")
  }
}
