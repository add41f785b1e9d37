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
    return try await addOwnedRow(
      Self.licenseRow, ownerID: practitionerID, fields: input, externalID: externalID,
      actor: actor
    ) { connection in
      try await Self.affectedBy(practitioner: practitionerID, on: connection)
    } insert: { connection in
      try await Self.insertLicense(
        input, practitionerID: practitionerID, externalID: externalID, on: connection)
    }
  }

  /// Adds a KAP training to a practitioner and re-scores whom it affects.
  public func addTraining(
    practitionerID: UUID, _ input: TrainingInput, externalID: String? = nil, actor: AuditActor
  ) async throws -> TrainingRecord {
    try input.validate()
    return try await addOwnedRow(
      Self.trainingRow, ownerID: practitionerID, fields: input, externalID: externalID,
      actor: actor
    ) { connection in
      try await Self.affectedBy(practitioner: practitionerID, on: connection)
    } insert: { connection in
      try await Self.insertTraining(
        input, practitionerID: practitionerID, externalID: externalID, on: connection)
    }
  }

  static func insertLicense(
    _ input: LicenseInput, practitionerID: UUID, externalID: String?, on connection: Connection
  ) async throws -> UUID {
    try await connection.query(
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
  }

  static func insertTraining(
    _ input: TrainingInput, practitionerID: UUID, externalID: String?, on connection: Connection
  ) async throws -> UUID {
    try await connection.query(
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
  }

  static let licenseRow = OwnedRow<LicenseRecord>(
    table: "licenses", entity: "license", ownerTable: "practitioners",
    ownerEntity: "practitioner", ownerColumn: "practitioner_id", columns: licenseColumns,
    decode: { try license($0) }, identity: { ($0.practitionerID, AnyHashable($0.fields)) })

  static let trainingRow = OwnedRow<TrainingRecord>(
    table: "trainings", entity: "training", ownerTable: "practitioners",
    ownerEntity: "practitioner", ownerColumn: "practitioner_id", columns: trainingColumns,
    decode: { try training($0) }, identity: { ($0.practitionerID, AnyHashable($0.fields)) })
}
