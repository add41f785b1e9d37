import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// Records a piece of evidence about a provider and re-scores whom it affects (see
  /// ``EvidenceInput`` and the evidence rule in docs/SCHEMA.md).
  /// - Throws: ``StoreError`` `.notFound("provider")`, `.invalidArgument` naming
  ///   `evidence.<field>` (an unknown subject, a license or training of someone else),
  ///   `.alreadyExists` when `externalID` names different evidence.
  public func addEvidence(
    providerID: UUID, _ input: EvidenceInput, externalID: String? = nil, actor: AuditActor
  ) async throws -> EvidenceRecord {
    try input.validate()
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      try await Self.requireLiveProvider(providerID, on: connection)
      if let licenseID = input.licenseID {
        try await Self.requireOwned(
          "licenses", licenseID, by: providerID, field: "evidence.license_id", on: connection)
      }
      if let trainingID = input.trainingID {
        try await Self.requireOwned(
          "trainings", trainingID, by: providerID, field: "evidence.training_id", on: connection)
      }
      if let externalID,
        let existing = try await connection.query(
          "select \(Self.evidenceColumns) from evidence_items where external_id = $1",
          [externalID]
        ).singleRow().map(Self.evidence)
      {
        guard existing.providerID == providerID, existing.fields == input else {
          throw StoreError.alreadyExists("evidence", key: externalID)
        }
        return (existing.id, [])
      }
      let id = try await Self.insertEvidence(
        input, providerID: providerID, externalID: externalID, on: connection)
      try await AuditLog.append(
        on: connection, actor: actor, action: "create", entityType: "evidence_item",
        entityID: id, providerID: providerID, before: nil,
        after: try await AuditLog.image("evidence_items", id: id, on: connection))
      return (id, try await Self.affectedBy(provider: providerID, on: connection))
    } read: { connection, id in
      try await Self.evidenceRecord(id, on: connection)
    }
  }

  /// Marks evidence as verified by `verifiedBy` (staff or a registry), optionally with a new
  /// expiry, and re-scores whom it affects.
  /// - Throws: ``StoreError`` `.invalidArgument("provenance")` unless `provenance` is
  ///   `verifiedByStaff` or `publicRegistry`; `.versionConflict`; `.notFound("evidence")`.
  public func verifyEvidence(
    id: UUID, expectedVersion: Int, verifiedBy: String, provenance: Provenance = .verifiedByStaff,
    expiresOn: Day? = nil, actor: AuditActor
  ) async throws -> EvidenceRecord {
    guard provenance >= .verifiedByStaff else {
      throw StoreError.invalidArgument(
        field: "provenance", message: "must be verified-by-staff or public-registry")
    }
    try InputValidator.text(verifiedBy, "verified_by", max: 200)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "evidence_items", entity: "evidence", id: id, expected: expectedVersion, on: connection)
      let providerID = try await connection.query(
        """
        update evidence_items set provenance = $2, verified_by = $3, verified_at = now(),
               expires_on = coalesce($4, expires_on)
         where id = $1 returning provider_id
        """,
        [id, SchemaVocabulary.column(provenance), verifiedBy, expiresOn?.postgres]
      ).singleRow()!.decode(UUID.self, at: 0)
      try await AuditLog.append(
        on: connection, actor: actor, action: "verify", entityType: "evidence_item",
        entityID: id, providerID: providerID, before: before,
        after: try await AuditLog.image("evidence_items", id: id, on: connection))
      return (id, try await Self.affectedBy(provider: providerID, on: connection))
    } read: { connection, id in
      try await Self.evidenceRecord(id, on: connection)
    }
  }

  static func insertEvidence(
    _ input: EvidenceInput, providerID: UUID, externalID: String?, on connection: Connection
  ) async throws -> UUID {
    try await connection.query(
      """
      insert into evidence_items
        (provider_id, external_id, fact, license_id, training_id, description, location,
         provenance, attested_by, verified_by, verified_at, observed_on, expires_on)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
              case when $8 in ('verified_by_staff', 'public_registry') then now() end, $11, $12)
      returning id
      """,
      [
        providerID, externalID, input.subject, input.licenseID, input.trainingID,
        input.description, input.location, SchemaVocabulary.column(input.provenance),
        input.attestedBy, input.verifiedBy, input.observedOn?.postgres,
        input.expiresOn?.postgres,
      ]
    ).singleRow()!.decode(UUID.self, at: 0)
  }

  static let evidenceRow = OwnedRow<EvidenceRecord>(
    table: "evidence_items", entity: "evidence_item", ownerTable: nil, ownerEntity: "provider",
    ownerColumn: "provider_id", columns: evidenceColumns, decode: { try evidence($0) },
    identity: { ($0.providerID, AnyHashable($0.fields)) })

  static func evidenceRecord(_ id: UUID, on connection: Connection) async throws -> EvidenceRecord {
    guard
      let record = try await connection.query(
        "select \(evidenceColumns) from evidence_items where id = $1", [id]
      ).singleRow().map(evidence)
    else { throw StoreError.notFound("evidence", id: id.uuidString.lowercased()) }
    return record
  }

  /// Throws `.invalidArgument(field)` unless row `id` of `table` belongs to practitioner `owner`.
  static func requireOwned(
    _ table: String, _ id: UUID, by owner: UUID, field: String, on connection: Connection
  ) async throws {
    let practitioner = try await connection.query(
      "select practitioner_id from \(table) where id = $1", [id]
    ).singleRow()?.decode(UUID.self, at: 0)
    guard practitioner == owner else {
      throw StoreError.invalidArgument(
        field: field, message: "\(id.uuidString.lowercased()) is not one of this provider's")
    }
  }
}
