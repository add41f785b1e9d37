extension Connection {
  /// Runs `body` in a transaction: commits when it returns, rolls back when it throws or when the
  /// task was cancelled (the rollback runs even then), and rethrows.
  ///
  /// Nested calls on the same connection are supported with savepoints: an inner call that
  /// throws rolls back to its savepoint only (the outer transaction may catch the error and go
  /// on); an inner call that returns releases its savepoint; only the outermost call commits.
  /// `isolation` applies to the outermost call only; giving it to a nested call is an error.
  ///
  /// ```swift
  /// let id = try await connection.transaction { tx in
  ///   try await tx.query("INSERT INTO clinics (name) VALUES ($1) RETURNING id", [name])
  ///     .singleRow()!.decode(UUID.self, at: 0)
  /// }
  /// ```
  ///
  /// - Throws: whatever `body` throws; `CancellationError` when the task was cancelled; a
  ///   ``PostgresError`` when BEGIN or COMMIT fails (e.g. a serialization failure, `40001`).
  @discardableResult
  public func transaction<T>(
    isolation: TransactionIsolation? = nil,
    _ body: (Connection) async throws -> T
  ) async throws -> T {
    let depth = enterTransaction()
    defer { leaveTransaction() }
    let savepoint = "libpq_savepoint_\(depth)"
    if depth == 0 {
      try await query("BEGIN" + (isolation.map { " ISOLATION LEVEL \($0.rawValue)" } ?? ""))
    } else {
      guard isolation == nil else {
        throw PostgresError(
          code: .transaction,
          message:
            "a nested transaction cannot set its isolation level (\(isolation!.rawValue)); "
            + "set it on the outermost transaction")
      }
      try await query("SAVEPOINT \(savepoint)")
    }
    let value: T
    do {
      value = try await body(self)
      try Task.checkCancellation()
    } catch {
      await rollBack(depth: depth, savepoint: savepoint)
      throw error
    }
    do {
      try await executeUncancellable(depth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
    } catch {
      // A failed COMMIT has already ended the transaction; a failed RELEASE leaves the outer
      // transaction aborted, which its own rollback cleans up.
      if depth > 0 { await rollBack(depth: depth, savepoint: savepoint) }
      throw error
    }
    return value
  }

  private func rollBack(depth: Int, savepoint: String) async {
    do {
      if depth == 0 {
        try await executeUncancellable("ROLLBACK")
      } else {
        try await executeUncancellable("ROLLBACK TO SAVEPOINT \(savepoint)")
        try await executeUncancellable("RELEASE SAVEPOINT \(savepoint)")
      }
    } catch {
      // The connection is most likely broken; a pool discards broken connections and the server
      // rolls back a transaction whose connection is gone.
      logger.warning(
        "rollback failed", metadata: ["error": "\(error)", "backend_pid": "\(backendPID)"])
    }
  }
}
