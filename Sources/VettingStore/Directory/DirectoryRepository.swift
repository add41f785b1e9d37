import Foundation
import LibPQ
import VettingCore

/// The directory's write side and the record reads the Admin and Directory services need.
///
/// Every write runs in one transaction that
/// 1. checks the input (``StoreError/Code/invalidArgument`` naming the field),
/// 2. writes the change (updates and archives check the expected version:
///    ``StoreError/Code/versionConflict`` carrying the current version, nothing written),
/// 3. appends exactly one `audit_log` entry (actor, action, entity, row images before and after),
/// 4. re-scores every provider the change affects (a practitioner's change affects their solo
///    listing and every clinic they are on) and stores a new assessment when the facts, the rubric
///    version or the verdict changed, so search never shows a stale assessment.
///
/// Creates take an external id: a retry with the same external id and the same content returns
/// the existing record (no second row, no second audit entry); the same external id with
/// different content is ``StoreError/Code/alreadyExists``.
///
/// Unknown ids are ``StoreError/Code/notFound`` naming the entity; writes to archived records are
/// ``StoreError/Code/failedPrecondition``.
public final class DirectoryRepository: Sendable {
  let pool: ConnectionPool
  let today: @Sendable () -> Day
  /// The rubric writes re-score with: the directory's scoring version (the server's
  /// `--rubric-version`).
  let rubric: Rubric

  /// Creates a repository over `pool`. `today` is the as-of day of re-scores (UTC today by
  /// default; tests pin it); `rubric` the version they score with.
  public init(
    pool: ConnectionPool, rubric: Rubric = .current,
    today: @escaping @Sendable () -> Day = { Day(Date()) }
  ) {
    self.pool = pool
    self.rubric = rubric
    self.today = today
  }

  /// Runs one write in one transaction: `change` writes, audits and returns a value and the
  /// providers to re-score; `read` builds the result from that value after re-scoring.
  func write<U, T>(
    _ actor: AuditActor,
    change: (Connection) async throws -> (U, affected: [UUID]),
    read: (Connection, U) async throws -> T
  ) async throws -> T {
    try Self.validate(actor)
    let asOf = today()
    return try await mapErrors {
      try await pool.transaction { connection in
        let (value, affected) = try await change(connection)
        try await Self.rescore(
          affected, actor: actor, asOf: asOf, rubric: rubric, on: connection)
        return try await read(connection, value)
      }
    }
  }

  /// Refuses an actor whose name or request id would not fit the audit log.
  static func validate(_ actor: AuditActor) throws {
    try InputValidator.text(actor.name, "actor", max: 200)
    try InputValidator.optionalText(actor.requestID, "request_id", max: 200)
  }

  /// Re-scores each of `providers` once, inside the write's transaction, in a fixed order so
  /// that two writes re-scoring overlapping providers lock them alike.
  static func rescore(
    _ providers: some Sequence<UUID>, actor: AuditActor, asOf: Day, rubric: Rubric,
    on connection: Connection
  ) async throws {
    for id in Set(providers).sorted(by: { $0.uuidString < $1.uuidString }) {
      _ = try await Rescorer.rescore(
        providerID: id, on: connection, assessedBy: actor.name, asOf: asOf, rubric: rubric)
    }
  }

  /// Locks row `id` of `table` for a versioned change and returns its image.
  /// - Throws: `.notFound`, `.failedPrecondition` (archived) or `.versionConflict`.
  static func lock(
    _ table: String, entity: String, id: UUID, expected: Int, on connection: Connection,
    archivable: Bool = true
  ) async throws -> PostgresJSONB {
    let archived = archivable ? "t.archived_at is not null" : "false"
    guard
      let row = try await connection.query(
        "select to_jsonb(t), t.version, \(archived) from \(table) t where t.id = $1 for update",
        [id]
      ).singleRow()
    else { throw StoreError.notFound(entity, id: id.uuidString.lowercased()) }
    let (image, version, isArchived) = try row.decode((PostgresJSONB, Int, Bool).self)
    if isArchived {
      throw StoreError.failedPrecondition(
        "\(entity) \(id.uuidString.lowercased()) is archived", entity: entity,
        id: id.uuidString.lowercased())
    }
    if version != expected {
      throw StoreError.versionConflict(
        entity, id: id.uuidString.lowercased(), expected: expected, current: version)
    }
    return image
  }

  /// The providers a change to practitioner `id` affects: their solo listing and every clinic
  /// they are on.
  static func affectedBy(practitioner id: UUID, on connection: Connection) async throws -> [UUID] {
    try await connection.query(
      """
      select id from practitioners where id = $1 and listed_solo
      union
      select clinic_id from affiliations where practitioner_id = $1 and archived_at is null
      """, [id]
    ).map { try $0.decode(UUID.self, at: 0) }
  }

  /// The providers a change to provider `id`'s own rows (location, evidence, profile) affects.
  static func affectedBy(provider id: UUID, on connection: Connection) async throws -> [UUID] {
    let kind = try await connection.query("select kind from providers where id = $1", [id])
      .singleRow()?.decode(String.self, at: 0)
    return kind == "practitioner" ? try await affectedBy(practitioner: id, on: connection) : [id]
  }

  /// Throws `.notFound` unless `id` is a live row of `table`; `.failedPrecondition` when archived.
  static func requireLive(_ table: String, entity: String, id: UUID, on connection: Connection)
    async throws
  {
    guard
      let row = try await connection.query(
        "select archived_at is not null from \(table) where id = $1", [id]
      ).singleRow()
    else { throw StoreError.notFound(entity, id: id.uuidString.lowercased()) }
    if try row.decode(Bool.self, at: 0) {
      throw StoreError.failedPrecondition(
        "\(entity) \(id.uuidString.lowercased()) is archived", entity: entity,
        id: id.uuidString.lowercased())
    }
  }

  /// The live provider `id` (clinic or practitioner) or `.notFound("provider")`.
  static func requireLiveProvider(_ id: UUID, on connection: Connection) async throws {
    guard
      let kind = try await connection.query("select kind from providers where id = $1", [id])
        .singleRow()?.decode(String.self, at: 0)
    else { throw StoreError.notFound("provider", id: id.uuidString.lowercased()) }
    try await requireLive(
      kind == "clinic" ? "clinics" : "practitioners", entity: kind, id: id,
      on: connection)
  }
}
