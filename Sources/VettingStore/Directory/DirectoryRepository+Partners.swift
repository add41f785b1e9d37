import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// Records an outside partner of a clinic or solo practitioner and re-scores that provider.
  /// - Throws: ``StoreError`` `.notFound("provider")`, `.failedPrecondition` for a practitioner
  ///   not listed on their own, `.invalidArgument` naming `partner.<field>` (an invalid NPI, a
  ///   bad license state, an end before the start), `.alreadyExists` when `externalID` names a
  ///   different partner.
  public func addPartner(
    providerID: UUID, _ input: PartnerInput, externalID: String? = nil, actor: AuditActor
  ) async throws -> PartnerRecord {
    try input.validate()
    let licenses = try PostgresJSONB(
      encoding: input.licenses.map {
        StoredPartnerLicense(state: $0.state, type: $0.type, number: $0.number)
      })
    return try await addOwnedRow(
      Self.partnerRow, ownerID: providerID, fields: input, externalID: externalID, actor: actor
    ) { _ in
      [providerID]
    } insert: { connection in
      try await connection.query(
        """
        insert into partners
          (provider_id, external_id, name, role, discipline, npi, organization, evaluation_mode,
           licenses, provenance, started_on, ended_on)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        returning id
        """,
        [
          providerID, externalID, input.name, SchemaVocabulary.column(input.role),
          input.discipline.map(SchemaVocabulary.column), input.npi, input.organization,
          input.evaluation.map(SchemaVocabulary.column), licenses,
          SchemaVocabulary.column(input.provenance), input.startedOn?.postgres,
          input.endedOn?.postgres,
        ]
      ).singleRow()!.decode(UUID.self, at: 0)
    }
  }

  /// The live (not archived) partners of a provider, ended ones included, by name.
  public func partners(providerID: UUID) async throws -> [PartnerRecord] {
    try await mapErrors {
      try await pool.withConnection { connection in
        try await Self.requireLiveProvider(providerID, on: connection)
        return try await Self.partners(providerID: providerID, on: connection)
      }
    }
  }

  static func partners(providerID: UUID, on connection: Connection) async throws
    -> [PartnerRecord]
  {
    try await liveRows(partnerRow, ownerID: providerID, orderBy: "lower(name), id", on: connection)
  }

  static let partnerRow = OwnedRow<PartnerRecord>(
    table: "partners", entity: "partner", ownerTable: nil, ownerEntity: "provider",
    ownerColumn: "provider_id",
    columns: """
      id, provider_id, external_id, name, role, discipline, npi, organization, evaluation_mode,
      licenses, provenance, started_on, ended_on, version
      """,
    decode: { row in
      let licenses = try row.decode(PostgresJSONB.self, "licenses")
        .decode([StoredPartnerLicense].self)
      return PartnerRecord(
        id: try row.decode(UUID.self, "id"),
        providerID: try row.decode(UUID.self, "provider_id"),
        externalID: try row.decode(String?.self, "external_id"),
        fields: PartnerInput(
          name: try row.decode(String.self, "name"),
          role: SchemaVocabulary.affiliationRole(try row.decode(String.self, "role")),
          discipline: try row.decode(String?.self, "discipline").map(SchemaVocabulary.discipline),
          npi: try row.decode(String?.self, "npi"),
          organization: try row.decode(String?.self, "organization"),
          evaluation: try row.decode(String?.self, "evaluation_mode").map(
            SchemaVocabulary.partnerEvaluation),
          licenses: licenses.map {
            PartnerInput.License(state: $0.state, type: $0.type, number: $0.number)
          },
          provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
          startedOn: try row.decode(PostgresDate?.self, "started_on").map(Day.init),
          endedOn: try row.decode(PostgresDate?.self, "ended_on").map(Day.init)),
        version: try row.decode(Int.self, "version"))
    },
    identity: { ($0.providerID, AnyHashable($0.fields)) })
}

/// A partner license as stored in `partners.licenses`.
struct StoredPartnerLicense: Codable, Sendable {
  var state: String
  var type: String
  var number: String
}
