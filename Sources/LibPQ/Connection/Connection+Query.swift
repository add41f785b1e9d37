extension Connection {
  /// Runs one parameterised statement and returns its rows.
  ///
  /// Parameters are referenced as `$1`, `$2`, ... and sent separately from the SQL text
  /// (`PQexecParams`), so values are never spliced into SQL. The statement must be a single
  /// statement. Results are read in binary format and decoded with ``PostgresRow/decode(_:at:)``.
  ///
  /// ```swift
  /// let rows = try await connection.query(
  ///   "SELECT id, name FROM clinics WHERE state = $1 LIMIT $2", ["MI", 10])
  /// for row in rows { let (id, name) = try row.decode((UUID, String).self) }
  /// ```
  ///
  /// - Throws: ``PostgresError`` (server errors carry ``PostgresError/sqlState``);
  ///   `CancellationError` when the awaiting task was cancelled (the statement is cancelled on
  ///   the server with `PQcancel`).
  @discardableResult
  public func query(
    _ sql: String, _ parameters: [any PostgresEncodable] = []
  ) async throws -> PostgresQueryResult {
    let values = try encode(parameters)
    return try await run(cancellable: true) { handle, cancellation in
      try handle.execute(sql, values, cancellation: cancellation)
    }
  }

  /// Runs one parameterised statement and returns the number of rows it affected (0 for
  /// statements that affect none).
  @discardableResult
  public func execute(
    _ sql: String, _ parameters: [any PostgresEncodable] = []
  ) async throws -> Int {
    try await query(sql, parameters).affectedRows ?? 0
  }

  /// Runs a ``PreparedStatement``: prepared on this connection the first time (for these
  /// parameter types), executed with the parameters every time. Otherwise like
  /// ``query(_:_:)``.
  @discardableResult
  public func query(
    _ statement: PreparedStatement, _ parameters: [any PostgresEncodable] = []
  ) async throws -> PostgresQueryResult {
    let values = try encode(parameters)
    return try await run(cancellable: true) { handle, cancellation in
      try handle.executePrepared(statement.sql, values, cancellation: cancellation)
    }
  }

  /// Runs a ``PreparedStatement`` and returns the number of rows it affected.
  @discardableResult
  public func execute(
    _ statement: PreparedStatement, _ parameters: [any PostgresEncodable] = []
  ) async throws -> Int {
    try await query(statement, parameters).affectedRows ?? 0
  }

  /// Runs several SQL statements from a **trusted** source (migration files shipped with the
  /// program) in one round trip with the simple query protocol (`PQsendQuery`, the asynchronous
  /// form of `PQexec`).
  ///
  /// Never pass text that contains user input: there are no parameters here, and any statement
  /// in the text runs. Results are discarded. Unless the script has its own `BEGIN`/`COMMIT`,
  /// the server runs all of it in one implicit transaction (or inside the caller's
  /// ``transaction(isolation:_:)``). The first failing statement's error is thrown.
  public func executeTrustedScript(_ sql: String) async throws {
    try await run(cancellable: true) { handle, cancellation in
      try handle.executeScript(sql, cancellation: cancellation)
    }
  }

  /// Runs a statement that must run even when the task was cancelled (ROLLBACK).
  func executeUncancellable(_ sql: String) async throws {
    _ = try await run(cancellable: false) { handle, cancellation in
      try handle.execute(sql, [], cancellation: cancellation)
    }
  }

  private func encode(_ parameters: [any PostgresEncodable]) throws -> [PostgresValue] {
    var values: [PostgresValue] = []
    values.reserveCapacity(parameters.count)
    for (index, parameter) in parameters.enumerated() {
      do {
        values.append(try parameter.postgresValue())
      } catch let error as PostgresError {
        var error = error
        error.message = "parameter $\(index + 1): " + error.message
        throw error
      }
    }
    return values
  }
}
