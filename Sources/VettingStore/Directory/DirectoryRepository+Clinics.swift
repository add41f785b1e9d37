import Foundation
import LibPQ

extension DirectoryRepository {
  /// Creates a clinic, or returns the one a previous attempt with the same `externalID` created.
  /// - Throws: ``StoreError`` `.invalidArgument` naming the field; `.alreadyExists` when
  ///   `externalID` is taken by a clinic with different fields.
  public func createClinic(_ input: ClinicInput, externalID: String, actor: AuditActor)
    async throws -> ClinicRecord
  {
    try input.validate()
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      if let id = try await Self.insertClinic(
        input, externalID: externalID, actor: actor, on: connection)
      {
        return (id, [id])
      }
      guard
        let id = try await connection.query(
          "select id from clinics where external_id = $1", [externalID]
        ).singleRow()?.decode(UUID.self, at: 0),
        let existing = try await Self.clinicRecord(id, on: connection)
      else { throw StoreError(code: .internal, message: "clinic \(externalID) vanished") }
      guard existing.fields == input else {
        throw StoreError.alreadyExists("clinic", key: externalID)
      }
      return (id, [])
    } read: { connection, id in
      try await Self.clinicRecord(id, on: connection)!
    }
  }

  /// Replaces a clinic's fields.
  /// - Throws: ``StoreError`` `.versionConflict` (carrying the current version) when
  ///   `expectedVersion` is stale; `.notFound`; `.failedPrecondition` when archived;
  ///   `.invalidArgument`.
  public func updateClinic(
    id: UUID, expectedVersion: Int, _ input: ClinicInput, actor: AuditActor
  ) async throws -> ClinicRecord {
    try input.validate()
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "clinics", entity: "clinic", id: id, expected: expectedVersion, on: connection)
      try await Self.replaceClinic(id: id, before: before, input, actor: actor, on: connection)
      return (id, [id])
    } read: { connection, id in
      try await Self.clinicRecord(id, on: connection)!
    }
  }

  /// Archives a clinic: it leaves search; its history stays.
  public func archiveClinic(
    id: UUID, expectedVersion: Int, reason: String? = nil, actor: AuditActor
  ) async throws -> VersionedID {
    try InputValidator.optionalText(reason, "reason", max: 2000)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "clinics", entity: "clinic", id: id, expected: expectedVersion, on: connection)
      try await connection.execute("update clinics set archived_at = now() where id = $1", [id])
      try await AuditLog.append(
        on: connection, actor: actor, action: "archive", entityType: "clinic", entityID: id,
        providerID: id, before: before,
        after: try await AuditLog.image("clinics", id: id, on: connection), reason: reason)
      return (id, [])
    } read: { connection, id in
      VersionedID(
        id: id,
        version: try await connection.query("select version from clinics where id = $1", [id])
          .singleRow()!.decode(Int.self, at: 0))
    }
  }

  /// Inserts clinic `input` under `externalID` and appends its `create` audit entry, inside the
  /// caller's transaction. Returns `nil`, writing nothing, when a clinic already has `externalID`
  /// (each caller decides what that means). `input` must be validated.
  static func insertClinic(
    _ input: ClinicInput, externalID: String, actor: AuditActor, on connection: Connection
  ) async throws -> UUID? {
    guard
      let id = try await connection.query(
        """
        insert into clinics
          (external_id, name, legal_name, npi, website, phone, email, description, states_served,
           npi_status, npi_checked_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                case when $10::text <> 'unchecked' then now() end)
        on conflict (external_id) do nothing returning id
        """,
        [
          externalID, input.name, input.legalName, input.npi, input.website, input.phone,
          input.email, input.description, input.statesServed, input.npiStatus.rawValue,
        ]
      ).singleRow()?.decode(UUID.self, at: 0)
    else { return nil }
    try await AuditLog.append(
      on: connection, actor: actor, action: "create", entityType: "clinic", entityID: id,
      providerID: id, before: nil,
      after: try await AuditLog.image("clinics", id: id, on: connection))
    return id
  }

  /// Replaces the fields of clinic `id` (locked by the caller, `before` its image) and appends
  /// the `update` audit entry, inside the caller's transaction. `input` must be validated.
  static func replaceClinic(
    id: UUID, before: PostgresJSONB, _ input: ClinicInput, actor: AuditActor,
    on connection: Connection
  ) async throws {
    try await connection.execute(
      """
      update clinics set name = $2, legal_name = $3, npi = $4, website = $5, phone = $6,
             email = $7, description = $8, states_served = $9, npi_status = $10,
             npi_checked_at = case when $10::text = 'unchecked' then null
                                   when npi_status is distinct from $10::text then now()
                                   else npi_checked_at end
       where id = $1
      """,
      [
        id, input.name, input.legalName, input.npi, input.website, input.phone, input.email,
        input.description, input.statesServed, input.npiStatus.rawValue,
      ])
    try await AuditLog.append(
      on: connection, actor: actor, action: "update", entityType: "clinic", entityID: id,
      providerID: id, before: before,
      after: try await AuditLog.image("clinics", id: id, on: connection))
  }
}
