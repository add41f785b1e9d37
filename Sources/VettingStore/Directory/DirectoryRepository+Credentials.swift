import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// Adds a license to a practitioner and re-scores their solo listing and every clinic they are
  /// on. A verified provenance records `last_verified_at = now()` and `verifiedBy`.
  /// - Throws: ``StoreError`` `.notFound("practitioner")`, `.invalidArgument` naming
  ///   `license.<field>`, `.alreadyExists` when the practitioner already has this license (state,
  ///   type, number) or `externalID` names a different one.
  public func addLicense(
    practitionerID: UUID, _ input: LicenseInput, externalID: String? = nil, actor: AuditActor
  ) async throws -> LicenseRecord {
    try input.validate()
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      try await Self.requireLive(
        "practitioners", entity: "practitioner", id: practitionerID, on: connection)
      if let externalID,
        let existing = try await connection.query(
          "select \(Self.licenseColumns) from licenses where external_id = $1", [externalID]
        ).singleRow().map(Self.license)
      {
        guard existing.practitionerID == practitionerID, existing.fields == input else {
          throw StoreError.alreadyExists("license", key: externalID)
        }
        return (existing.id, [])
      }
      let id = try await connection.query(
        """
        insert into licenses
          (practitioner_id, external_id, state, license_type, license_number, status, provenance,
           issued_on, expires_on, last_verified_by, last_verified_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                case when $7 in ('verified_by_staff', 'public_registry') then now() end)
        returning id
        """,
        [
          practitionerID, externalID, input.state, input.type, input.number,
          SchemaVocabulary.column(input.status), SchemaVocabulary.column(input.provenance),
          input.issuedOn?.postgres, input.expiresOn?.postgres, input.verifiedBy,
        ]
      ).singleRow()!.decode(UUID.self, at: 0)
      try await AuditLog.append(
        on: connection, actor: actor, action: "create", entityType: "license", entityID: id,
        providerID: practitionerID, before: nil,
        after: try await AuditLog.image("licenses", id: id, on: connection))
      return (id, try await Self.affectedBy(practitioner: practitionerID, on: connection))
    } read: { connection, id in
      try await connection.query("select \(Self.licenseColumns) from licenses where id = $1", [id])
        .singleRow().map(Self.license)!
    }
  }

  /// Adds a KAP training to a practitioner and re-scores whom it affects.
  public func addTraining(
    practitionerID: UUID, _ input: TrainingInput, externalID: String? = nil, actor: AuditActor
  ) async throws -> TrainingRecord {
    try input.validate()
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      try await Self.requireLive(
        "practitioners", entity: "practitioner", id: practitionerID, on: connection)
      if let externalID,
        let existing = try await connection.query(
          "select \(Self.trainingColumns) from trainings where external_id = $1", [externalID]
        ).singleRow().map(Self.training)
      {
        guard existing.practitionerID == practitionerID, existing.fields == input else {
          throw StoreError.alreadyExists("training", key: externalID)
        }
        return (existing.id, [])
      }
      let id = try await connection.query(
        """
        insert into trainings
          (practitioner_id, external_id, program, program_name, hours, status, completed_on,
           certificate_expires_on, provenance)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id
        """,
        [
          practitionerID, externalID, input.program.rawValue, input.programName, input.hours,
          input.completedOn == nil ? "in_progress" : "completed", input.completedOn?.postgres,
          input.expiresOn?.postgres, SchemaVocabulary.column(input.provenance),
        ]
      ).singleRow()!.decode(UUID.self, at: 0)
      try await AuditLog.append(
        on: connection, actor: actor, action: "create", entityType: "training", entityID: id,
        providerID: practitionerID, before: nil,
        after: try await AuditLog.image("trainings", id: id, on: connection))
      return (id, try await Self.affectedBy(practitioner: practitionerID, on: connection))
    } read: { connection, id in
      try await connection.query(
        "select \(Self.trainingColumns) from trainings where id = $1", [id]
      ).singleRow().map(Self.training)!
    }
  }
}
