import CLibPQ
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `PGconn` of one ``Connection`` and every blocking libpq call made on it.
///
/// `@unchecked Sendable` is safe because of one rule, kept by ``Connection``: every method except
/// ``status`` runs on the connection's own single-thread `NIOThreadPool`, one at a time, so the
/// `PGconn` (which libpq requires to be used by one thread at a time) is never touched
/// concurrently; `deinit` runs only once no work item holds the connection any more.
/// ``status`` is behind a mutex and may be read from any thread.
final class ConnectionHandle: @unchecked Sendable {
  /// What other threads may know about the connection without touching it.
  struct Status: Sendable {
    /// libpq reported `CONNECTION_BAD`: the connection is gone and must be replaced.
    var broken = false
    /// The last statement left a transaction open (or failed inside one).
    var inTransaction = false
  }

  private var pgconn: OpaquePointer?
  let status = Mutex(Status())

  init() {}

  deinit {
    if let pgconn { PQfinish(pgconn) }
  }

  // MARK: Connecting

  /// Connects (blocking, on the connection's thread) with `PQconnectStartParams` and
  /// `PQconnectPoll`, so that the attempt can be abandoned when the awaiting task is cancelled
  /// and is bounded by `connect_timeout` overall. Returns the cancel handle and the server process
  /// id.
  func connect(
    _ configuration: PostgresConfiguration, cancellation: QueryCancellation
  ) throws -> (OpaquePointer?, Int32) {
    let parameters = configuration.connectParameters
    let keywords = parameters.map { strdup($0.0) }
    let values = parameters.map { strdup($0.1) }
    defer {
      for pointer in keywords { free(pointer) }
      for pointer in values { free(pointer) }
    }
    let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
    let valuePointers = values.map { UnsafePointer($0) } + [nil]
    guard let conn = PQconnectStartParams(keywordPointers, valuePointers, 0) else {
      throw PostgresError(
        code: .connectionFailed,
        message: "could not connect to PostgreSQL at \(configuration.endpointDescription): "
          + "libpq could not allocate a connection")
    }
    let timeoutSeconds =
      configuration.options["connect_timeout"].flatMap { Int($0) }
      ?? PostgresConfiguration.defaultConnectTimeoutSeconds
    let deadline = ContinuousClock.now + .seconds(timeoutSeconds > 0 ? timeoutSeconds : 3600)
    var polling = PGRES_POLLING_WRITING
    while PQstatus(conn) != CONNECTION_BAD, polling != PGRES_POLLING_OK,
      polling != PGRES_POLLING_FAILED
    {
      if cancellation.isCancelRequested {
        PQfinish(conn)
        throw CancellationError()
      }
      guard ContinuousClock.now < deadline else {
        PQfinish(conn)
        throw PostgresError(
          code: .connectionFailed,
          message: "could not connect to PostgreSQL at \(configuration.endpointDescription): "
            + "no answer within \(timeoutSeconds) s (connect_timeout)")
      }
      // Wait up to 100 ms at a time so that cancellation and the deadline are noticed.
      let events = polling == PGRES_POLLING_READING ? POLLIN : POLLOUT
      var descriptor = pollfd(fd: PQsocket(conn), events: Int16(events), revents: 0)
      if poll(&descriptor, 1, 100) != 0 {
        polling = PQconnectPoll(conn)
      }
    }
    guard PQstatus(conn) == CONNECTION_OK else {
      let reason = String(cString: PQerrorMessage(conn)).trimmingWhitespace()
      PQfinish(conn)
      let authentication =
        reason.contains("authentication failed") || reason.contains("no password supplied")
      throw PostgresError(
        code: authentication ? .authenticationFailed : .connectionFailed,
        message: "could not connect to PostgreSQL at \(configuration.endpointDescription): "
          + reason.replacingNewlines())
    }
    if let setting = PQparameterStatus(conn, "integer_datetimes"),
      String(cString: setting) != "on"
    {
      PQfinish(conn)
      throw PostgresError(
        code: .connectionFailed,
        message: "the server at \(configuration.endpointDescription) stores timestamps as "
          + "floating point (integer_datetimes=off), which this library does not support")
    }
    // Notices (e.g. "there is no transaction in progress") would otherwise go to stderr.
    PQsetNoticeProcessor(conn, { _, _ in }, nil)
    pgconn = conn
    return (PQgetCancel(conn), PQbackendPID(conn))
  }

  /// Closes the connection (idempotent).
  func finish() {
    if let pgconn { PQfinish(pgconn) }
    pgconn = nil
    status.withLock { $0.broken = true }
  }

  // MARK: Statements

  /// Runs one parameterised statement with the extended query protocol (`PQsendQueryParams`),
  /// asking for binary results.
  func execute(
    _ sql: String, _ values: [PostgresValue], cancellation: QueryCancellation
  ) throws -> PostgresQueryResult {
    let conn = try requireOpen()
    try withParameters(values) { parameters in
      try cancellation.start {
        guard
          PQsendQueryParams(
            conn, sql, parameters.count, parameters.types, parameters.values, parameters.lengths,
            parameters.formats, PostgresFormat.binary.rawValue) == 1
        else { throw connectionError(conn, doing: "send the statement") }
      }
    }
    return try collectResults(conn, cancellation: cancellation)
  }

  /// Runs a statement prepared once per connection and per parameter types
  /// (`PQsendPrepare`, then `PQsendQueryPrepared`), asking for binary results.
  func executePrepared(
    _ sql: String, _ values: [PostgresValue], cancellation: QueryCancellation
  ) throws -> PostgresQueryResult {
    let conn = try requireOpen()
    let key = PreparedKey(sql: sql, types: values.map { $0.type.rawValue })
    let name: String
    if let existing = prepared[key] {
      name = existing
    } else {
      guard prepared.count < Self.preparedStatementLimit else {
        // Beyond the limit (SQL built dynamically?) statements run unprepared rather than
        // filling the server's memory.
        return try execute(sql, values, cancellation: cancellation)
      }
      name = "libpq_prepared_\(prepared.count + 1)"
      try cancellation.start {
        guard PQsendPrepare(conn, name, sql, Int32(key.types.count), key.types) == 1 else {
          throw connectionError(conn, doing: "prepare the statement")
        }
      }
      _ = try collectResults(conn, cancellation: cancellation)
      prepared[key] = name
      guard cancellation.rearm() else { throw CancellationError() }
    }
    try withParameters(values) { parameters in
      try cancellation.start {
        guard
          PQsendQueryPrepared(
            conn, name, parameters.count, parameters.values, parameters.lengths,
            parameters.formats, PostgresFormat.binary.rawValue) == 1
        else { throw connectionError(conn, doing: "send the prepared statement") }
      }
    }
    do {
      return try collectResults(conn, cancellation: cancellation)
    } catch let error as PostgresError where error.sqlState == .invalidSQLStatementName {
      // Someone ran DEALLOCATE on this connection; prepare again next time.
      prepared[key] = nil
      throw error
    }
  }

  private struct PreparedKey: Hashable {
    var sql: String
    var types: [UInt32]
  }

  /// Prepared statements kept per connection (keyed by SQL text and parameter types).
  private var prepared: [PreparedKey: String] = [:]
  private static let preparedStatementLimit = 512

  /// The C arrays `PQsendQueryParams` and `PQsendQueryPrepared` take.
  private struct Parameters {
    var count: Int32
    var types: [UInt32]
    var values: [UnsafePointer<CChar>?]
    var lengths: [Int32]
    var formats: [Int32]
  }

  /// Lays the parameter bytes out in one buffer (each followed by a NUL, which text format needs)
  /// and calls `body` with pointers into it, valid only during the call.
  private func withParameters<T>(
    _ values: [PostgresValue], _ body: (Parameters) throws -> T
  ) throws -> T {
    guard values.count <= Int(UInt16.max) else {
      throw PostgresError(
        code: .encoding,
        message: "a statement takes at most 65535 parameters; \(values.count) were given")
    }
    var storage: [UInt8] = []
    storage.reserveCapacity(values.reduce(0) { $0 + ($1.bytes?.count ?? 0) + 1 })
    var offsets: [Int?] = []
    for (index, value) in values.enumerated() {
      guard let bytes = value.bytes else {
        offsets.append(nil)
        continue
      }
      if value.format == .text, bytes.contains(0) {
        throw PostgresError(
          code: .encoding,
          message: "parameter $\(index + 1) contains a NUL byte, which PostgreSQL text cannot hold")
      }
      offsets.append(storage.count)
      storage += bytes
      storage.append(0)
    }
    return try storage.withUnsafeBufferPointer { buffer in
      let base = UnsafeRawPointer(buffer.baseAddress)
      let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
        offset.flatMap { base?.advanced(by: $0).assumingMemoryBound(to: CChar.self) }
      }
      return try body(
        Parameters(
          count: Int32(values.count), types: values.map { $0.type.rawValue }, values: pointers,
          lengths: values.map { Int32($0.bytes?.count ?? 0) },
          formats: values.map { $0.format.rawValue }))
    }
  }

  /// Runs SQL text that may hold several statements with the simple query protocol
  /// (`PQsendQuery`, the asynchronous form of `PQexec`): no parameters, text results discarded.
  func executeScript(_ sql: String, cancellation: QueryCancellation) throws {
    let conn = try requireOpen()
    try cancellation.start {
      guard PQsendQuery(conn, sql) == 1 else {
        throw connectionError(conn, doing: "send the script")
      }
    }
    _ = try collectResults(conn, cancellation: cancellation)
  }

  /// Reads every result of the statement that was sent, clearing each `PGresult` as soon as it is
  /// copied. Keeps the first error; otherwise returns the last result.
  private func collectResults(
    _ conn: OpaquePointer, cancellation: QueryCancellation
  ) throws -> PostgresQueryResult {
    var firstError: PostgresError?
    var last: PostgresQueryResult?
    while let result = PQgetResult(conn) {
      defer { PQclear(result) }
      switch PQresultStatus(result) {
      case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
        if firstError == nil { last = copyResult(result) }
      case PGRES_COPY_IN:
        _ = PQputCopyEnd(conn, "COPY FROM STDIN is not supported by this library")
      case PGRES_COPY_OUT:
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(conn, &buffer, 0) > 0 {
          PQfreemem(buffer)
          buffer = nil
        }
        if firstError == nil {
          firstError = PostgresError(
            code: .server, message: "COPY TO STDOUT is not supported by this library")
        }
      default:
        if firstError == nil { firstError = serverError(result, conn) }
      }
    }
    let cancelled = cancellation.finish()
    updateStatus(conn)
    if var firstError {
      if cancelled, firstError.sqlState == .queryCanceled { throw CancellationError() }
      if PQstatus(conn) != CONNECTION_OK {
        // A FATAL error (e.g. 57P01, the server shutting down) ended the session: whatever the
        // SQLSTATE says, the caller must know this connection is gone.
        firstError.code = .connectionLost
      }
      throw firstError
    }
    if PQstatus(conn) != CONNECTION_OK {
      throw connectionError(conn, doing: "read the result")
    }
    return last ?? PostgresQueryResult(columns: [], rows: [], commandTag: "", affectedRows: nil)
  }

  private func copyResult(_ result: OpaquePointer) -> PostgresQueryResult {
    let columnCount = Int(PQnfields(result))
    let rowCount = Int(PQntuples(result))
    var columns: [PostgresColumn] = []
    var indexes: [String: Int] = [:]
    for column in 0..<columnCount {
      let name = PQfname(result, Int32(column)).map { String(cString: $0) } ?? "?column?"
      columns.append(
        PostgresColumn(name: name, type: PostgresType(rawValue: PQftype(result, Int32(column)))))
      if indexes[name] == nil { indexes[name] = column }
    }
    var rows: [PostgresRow] = []
    rows.reserveCapacity(rowCount)
    for row in 0..<rowCount {
      var values: [[UInt8]?] = []
      values.reserveCapacity(columnCount)
      for column in 0..<columnCount {
        if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
          values.append(nil)
        } else {
          let length = Int(PQgetlength(result, Int32(row), Int32(column)))
          let start = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column)))
          values.append(Array(UnsafeRawBufferPointer(start: start, count: length)))
        }
      }
      rows.append(PostgresRow(columns: columns, values: values, columnIndexes: indexes))
    }
    let tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
    let affected = PQcmdTuples(result).flatMap { Int(String(cString: $0)) }
    return PostgresQueryResult(
      columns: columns, rows: rows, commandTag: tag, affectedRows: affected)
  }

  private func serverError(_ result: OpaquePointer, _ conn: OpaquePointer) -> PostgresError {
    func field(_ code: Character) -> String? {
      PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
    }
    guard let state = field("C") else {
      // No SQLSTATE: libpq itself produced the error, typically because the connection broke.
      let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
      let lost = PQstatus(conn) != CONNECTION_OK
      return PostgresError(
        code: lost ? .connectionLost : .server,
        message: (lost ? "the connection to PostgreSQL was lost: " : "")
          + message.trimmingWhitespace().replacingNewlines())
    }
    return PostgresError(
      code: .server,
      message: field("M") ?? "unknown error",
      sqlState: SQLState(rawValue: state),
      severity: field("V") ?? field("S"),
      detail: field("D"),
      hint: field("H"),
      schemaName: field("s"),
      tableName: field("t"),
      columnName: field("c"),
      constraintName: field("n"),
      position: field("P").flatMap { Int($0) })
  }

  private func connectionError(_ conn: OpaquePointer, doing what: String) -> PostgresError {
    updateStatus(conn)
    let reason = String(cString: PQerrorMessage(conn)).trimmingWhitespace().replacingNewlines()
    let lost = PQstatus(conn) != CONNECTION_OK
    return PostgresError(
      code: lost ? .connectionLost : .server,
      message: "could not \(what)"
        + (lost ? " because the connection to PostgreSQL was lost" : "") + ": \(reason)")
  }

  private func requireOpen() throws -> OpaquePointer {
    guard let pgconn else {
      throw PostgresError(code: .connectionClosed, message: "the connection was closed")
    }
    guard PQstatus(pgconn) == CONNECTION_OK else {
      throw PostgresError(
        code: .connectionLost,
        message: "the connection to PostgreSQL was lost earlier; open a new connection")
    }
    return pgconn
  }

  private func updateStatus(_ conn: OpaquePointer) {
    let broken = PQstatus(conn) != CONNECTION_OK
    let transaction = PQtransactionStatus(conn)
    status.withLock {
      $0.broken = broken
      $0.inTransaction = transaction == PQTRANS_INTRANS || transaction == PQTRANS_INERROR
    }
  }

  // MARK: Health

  /// Whether the connection is still usable, checked without a round trip when possible: an
  /// idle, healthy connection has nothing to read; if the socket is readable (the server closed
  /// it, or sent a notification), a trivial statement decides.
  func isHealthy() -> Bool {
    guard let conn = pgconn, PQstatus(conn) == CONNECTION_OK,
      PQtransactionStatus(conn) == PQTRANS_IDLE
    else { return false }
    var descriptor = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, 0)
    if ready == 0 { return true }
    guard PQconsumeInput(conn) == 1, PQstatus(conn) == CONNECTION_OK else {
      updateStatus(conn)
      return false
    }
    return ping(conn)
  }

  /// Runs an empty statement; true when the server answered.
  func ping() -> Bool {
    guard let conn = pgconn, PQstatus(conn) == CONNECTION_OK else { return false }
    return ping(conn)
  }

  private func ping(_ conn: OpaquePointer) -> Bool {
    guard PQsendQuery(conn, "") == 1 else {
      updateStatus(conn)
      return false
    }
    var healthy = true
    while let result = PQgetResult(conn) {
      if PQresultStatus(result) != PGRES_EMPTY_QUERY { healthy = false }
      PQclear(result)
    }
    updateStatus(conn)
    return healthy && PQstatus(conn) == CONNECTION_OK
  }
}
