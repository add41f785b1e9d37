import Foundation
import LibPQ
import VettingCore

/// The credential lifecycle: a license's standing changes, credentials are re-verified, records
/// end or are archived. Each change locks the row at the version the caller read, writes one audit
/// entry and re-scores whom it touches, in one transaction: a suspension recorded now shows in
/// search as soon as the call returns.
extension DirectoryRepository {
  /// Records a change of a license's standing (suspended, revoked, reinstated to active...) on
  /// `changedOn` (today when `nil`).
  /// - Throws: ``StoreError`` `.notFound("license")`, `.versionConflict`, `.failedPrecondition`
  ///   (archived), `.invalidArgument` naming `reason`.
  public func updateLicenseStatus(
    licenseID: UUID, expectedVersion: Int, status: LicenseStatus, changedOn: Day? = nil,
    reason: String? = nil, actor: AuditActor
  ) async throws -> LicenseRecord {
    try InputValidator.optionalText(reason, "reason", max: 2000)
    let changedOn = changedOn ?? today()
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "licenses", entity: "license", id: licenseID, expected: expectedVersion, on: connection)
      let practitioner = try await connection.query(
        """
        update licenses set status = $2, status_changed_on = $3 where id = $1
        returning practitioner_id
        """, [licenseID, SchemaVocabulary.column(status), changedOn.postgres]
      ).singleRow()!.decode(UUID.self, at: 0)
      try await AuditLog.append(
        on: connection, actor: actor, action: "update_status", entityType: "license",
        entityID: licenseID, providerID: practitioner, before: before,
        after: try await AuditLog.image("licenses", id: licenseID, on: connection),
        reason: reason)
      return (licenseID, try await Self.affectedBy(practitioner: practitioner, on: connection))
    } read: { connection, id in
      try await connection.query("select \(Self.licenseColumns) from licenses where id = $1", [id])
        .singleRow().map(Self.license)!
    }
  }

  /// Records that staff or a registry confirmed a license, certificate or board certification
  /// again: its provenance, who verified it and now; and the expiry found, when given.
  /// - Throws: ``StoreError`` `.invalidArgument` naming `kind` (a record that carries no
  ///   provenance), `provenance` (not a verified one) or `verified_by`; `.notFound`,
  ///   `.versionConflict`, `.failedPrecondition` (archived).
  public func reverify(
    _ record: LifecycleRecord, id: UUID, expectedVersion: Int, provenance: Provenance,
    verifiedBy: String, expiresOn: Day? = nil, actor: AuditActor
  ) async throws -> LifecycleResult {
    guard record.canReverify else {
      throw StoreError.invalidArgument(
        field: "kind",
        message: "\(record.rawValue) cannot be re-verified; licenses, certificates and board "
          + "certifications can (evidence items are verified with VerifyEvidence)")
    }
    guard provenance >= .verifiedByStaff else {
      throw StoreError.invalidArgument(
        field: "provenance",
        message: "must be verified-by-staff or public-registry; got \(provenance.rawValue)")
    }
    try InputValidator.text(verifiedBy, "verified_by", max: 200)
    return try await lifecycle(record, id: id, expectedVersion: expectedVersion, actor: actor) {
      connection in
      try await connection.execute(
        """
        update \(record.table) set provenance = $2, last_verified_by = $3,
               last_verified_at = now(), expires_on = coalesce($4, expires_on)
         where id = $1
        """,
        [id, SchemaVocabulary.column(provenance), verifiedBy, expiresOn?.postgres])
      return ("verify", nil)
    }
  }

  /// Ends a partner or an affiliation on `endedOn` (it counts through that day and stays as
  /// history), or, with no day, archives any lifecycle record (it leaves the directory; history
  /// keeps it).
  /// - Throws: ``StoreError`` `.invalidArgument` naming `ended_on` for a record that cannot end
  ///   or a day before its start, `reason` when too long; `.notFound`, `.versionConflict`,
  ///   `.failedPrecondition` (already archived).
  public func endRecord(
    _ record: LifecycleRecord, id: UUID, expectedVersion: Int, endedOn: Day? = nil,
    reason: String? = nil, actor: AuditActor
  ) async throws -> LifecycleResult {
    try InputValidator.optionalText(reason, "reason", max: 2000)
    if endedOn != nil, !record.canEnd {
      throw StoreError.invalidArgument(
        field: "ended_on",
        message: "only partners and affiliations end on a day; archive a \(record.rawValue) "
          + "instead (leave ended_on out)")
    }
    return try await lifecycle(record, id: id, expectedVersion: expectedVersion, actor: actor) {
      connection in
      guard let endedOn else {
        try await connection.execute(
          "update \(record.table) set archived_at = now() where id = $1", [id])
        return ("archive", reason)
      }
      let started = try await connection.query(
        "select started_on from \(record.table) where id = $1", [id]
      ).singleRow()?.decode(PostgresDate?.self, at: 0).map(Day.init)
      try InputValidator.ordered(started, endedOn, "ended_on", "start date")
      try await connection.execute(
        "update \(record.table) set ended_on = $2 where id = $1", [id, endedOn.postgres])
      return ("end", reason)
    }
  }

  /// Locks `record` `id` at `expectedVersion`, applies `change` (which names the audit action and
  /// reason), appends the audit entry and re-scores the providers the record's owner affects.
  private func lifecycle(
    _ record: LifecycleRecord, id: UUID, expectedVersion: Int, actor: AuditActor,
    change: @escaping @Sendable (Connection) async throws -> (action: String, reason: String?)
  ) async throws -> LifecycleResult {
    try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        record.table, entity: record.rawValue, id: id, expected: expectedVersion,
        on: connection)
      let owner = try await connection.query(
        "select \(record.owner.column) from \(record.table) where id = $1", [id]
      ).singleRow()!.decode(UUID.self, at: 0)
      let (action, reason) = try await change(connection)
      try await AuditLog.append(
        on: connection, actor: actor, action: action, entityType: record.auditEntity, entityID: id,
        providerID: owner, before: before,
        after: try await AuditLog.image(record.table, id: id, on: connection), reason: reason)
      let affected =
        record.owner.isPractitioner
        ? try await Self.affectedBy(practitioner: owner, on: connection)
        : try await Self.affectedBy(provider: owner, on: connection)
      return (id, affected)
    } read: { connection, id in
      let hasEnd = record.canEnd ? "ended_on" : "null::date"
      let row = try await connection.query(
        "select version, archived_at is not null, \(hasEnd) from \(record.table) where id = $1",
        [id]
      ).singleRow()!
      return LifecycleResult(
        record: record, id: id, version: try row.decode(Int.self, at: 0),
        archived: try row.decode(Bool.self, at: 1),
        endedOn: try row.decode(PostgresDate?.self, at: 2).map(Day.init))
    }
  }
}
