import Foundation
import LibPQ

extension DirectoryRepository {
  /// Creates a practitioner, or returns the one a previous attempt with the same `externalID`
  /// created.
  /// - Throws: ``StoreError`` `.invalidArgument` naming the field; `.alreadyExists` when
  ///   `externalID` is taken by different fields, or a live practitioner already has the NPI.
  public func createPractitioner(
    _ input: PractitionerInput, externalID: String, actor: AuditActor
  ) async throws -> PractitionerRecord {
    try input.validate()
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      if let id = try await Self.insertPractitioner(
        input, externalID: externalID, actor: actor, on: connection)
      {
        return (id, input.listedSolo ? [id] : [])
      }
      guard
        let id = try await connection.query(
          "select id from practitioners where external_id = $1", [externalID]
        ).singleRow()?.decode(UUID.self, at: 0),
        let existing = try await Self.practitionerRecord(id, on: connection)
      else { throw StoreError(code: .internal, message: "practitioner \(externalID) vanished") }
      guard existing.fields == input else {
        throw StoreError.alreadyExists("practitioner", key: externalID)
      }
      return (id, [])
    } read: { connection, id in
      try await Self.practitionerRecord(id, on: connection)!
    }
  }

  /// Replaces a practitioner's fields; re-scores their solo listing and every clinic they are on.
  public func updatePractitioner(
    id: UUID, expectedVersion: Int, _ input: PractitionerInput, actor: AuditActor
  ) async throws -> PractitionerRecord {
    try input.validate()
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "practitioners", entity: "practitioner", id: id, expected: expectedVersion,
        on: connection)
      try await Self.replacePractitioner(
        id: id, before: before, input, actor: actor, on: connection)
      return (id, try await Self.affectedBy(practitioner: id, on: connection))
    } read: { connection, id in
      try await Self.practitionerRecord(id, on: connection)!
    }
  }

  /// Archives a practitioner: they leave search and every clinic team (those clinics are
  /// re-scored).
  public func archivePractitioner(
    id: UUID, expectedVersion: Int, reason: String? = nil, actor: AuditActor
  ) async throws -> VersionedID {
    try InputValidator.optionalText(reason, "reason", max: 2000)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "practitioners", entity: "practitioner", id: id, expected: expectedVersion,
        on: connection)
      let clinics = try await Self.affectedBy(practitioner: id, on: connection).filter {
        $0 != id
      }
      try await connection.execute(
        "update practitioners set archived_at = now() where id = $1", [id])
      try await AuditLog.append(
        on: connection, actor: actor, action: "archive", entityType: "practitioner",
        entityID: id, providerID: id, before: before,
        after: try await AuditLog.image("practitioners", id: id, on: connection), reason: reason)
      return (id, clinics)
    } read: { connection, id in
      VersionedID(
        id: id,
        version: try await connection.query(
          "select version from practitioners where id = $1", [id]
        ).singleRow()!.decode(Int.self, at: 0))
    }
  }

  /// Inserts practitioner `input` under `externalID` and appends its `create` audit entry,
  /// inside the caller's transaction. Returns `nil`, writing nothing, when a practitioner already
  /// has `externalID`. `input` must be validated.
  static func insertPractitioner(
    _ input: PractitionerInput, externalID: String, actor: AuditActor, on connection: Connection
  ) async throws -> UUID? {
    guard
      let id = try await connection.query(
        """
        insert into practitioners
          (external_id, given_name, family_name, credentials, professional_role, discipline, npi,
           listed_solo, states_served, kap_sessions_delivered, website, phone, email, bio,
           practice_started_on, psychotherapy_trained, npi_status, npi_checked_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                case when $17::text <> 'unchecked' then now() end)
        on conflict (external_id) do nothing returning id
        """, practitionerParameters(input, first: externalID)
      ).singleRow()?.decode(UUID.self, at: 0)
    else { return nil }
    try await AuditLog.append(
      on: connection, actor: actor, action: "create", entityType: "practitioner",
      entityID: id, providerID: id, before: nil,
      after: try await AuditLog.image("practitioners", id: id, on: connection))
    return id
  }

  /// Replaces the fields of practitioner `id` (locked by the caller, `before` its image) and
  /// appends the `update` audit entry, inside the caller's transaction. A changed KAP session
  /// count restarts its as-of date. `input` must be validated.
  static func replacePractitioner(
    id: UUID, before: PostgresJSONB, _ input: PractitionerInput, actor: AuditActor,
    on connection: Connection
  ) async throws {
    let kapChanged = try await connection.query(
      "select kap_sessions_delivered <> $2 from practitioners where id = $1",
      [id, input.kapSessionsDelivered]
    ).singleRow()!.decode(Bool.self, at: 0)
    try await connection.execute(
      """
      update practitioners set given_name = $2, family_name = $3, credentials = $4,
             professional_role = $5, discipline = $6, npi = $7, listed_solo = $8,
             states_served = $9, kap_sessions_delivered = $10, website = $11, phone = $12,
             email = $13, bio = $14, practice_started_on = $15, psychotherapy_trained = $16,
             npi_status = $17,
             npi_checked_at = case when $17::text = 'unchecked' then null
                                   when npi_status is distinct from $17::text then now()
                                   else npi_checked_at end,
             kap_sessions_as_of = case when $18 then current_date else kap_sessions_as_of end
       where id = $1
      """, practitionerParameters(input, first: id) + [kapChanged])
    try await AuditLog.append(
      on: connection, actor: actor, action: "update", entityType: "practitioner",
      entityID: id, providerID: id, before: before,
      after: try await AuditLog.image("practitioners", id: id, on: connection))
  }

  static func practitionerParameters(_ input: PractitionerInput, first: any PostgresEncodable)
    -> [any PostgresEncodable]
  {
    [
      first, input.givenName, input.familyName, input.credentials,
      SchemaVocabulary.professionalRole(input.roles), SchemaVocabulary.column(input.discipline),
      input.npi, input.listedSolo, input.statesServed, input.kapSessionsDelivered, input.website,
      input.phone, input.email, input.bio, input.practiceStartedOn?.postgres,
      input.psychotherapyTrained, input.npiStatus.rawValue,
    ]
  }
}
