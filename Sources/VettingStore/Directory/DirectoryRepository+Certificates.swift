import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// Adds a life-support certificate (ACLS, BLS, PALS) to a practitioner and re-scores their solo
  /// listing and every clinic they are on. A verified provenance records `last_verified_at`.
  /// - Throws: ``StoreError`` `.notFound("practitioner")`, `.invalidArgument` naming
  ///   `certificate.<field>` (e.g. an expiry before the issue date), `.alreadyExists` when
  ///   `externalID` names a different certificate.
  public func addCertificate(
    practitionerID: UUID, _ input: CertificateInput, externalID: String? = nil,
    actor: AuditActor
  ) async throws -> CertificateRecord {
    try input.validate()
    return try await addOwnedRow(
      Self.certificateRow, ownerID: practitionerID, fields: input, externalID: externalID,
      actor: actor
    ) { connection in
      try await Self.affectedBy(practitioner: practitionerID, on: connection)
    } insert: { connection in
      try await connection.query(
        """
        insert into certificates
          (practitioner_id, external_id, kind, issued_on, expires_on, provenance, last_verified_by,
           last_verified_at)
        values ($1, $2, $3, $4, $5, $6, $7,
                case when $6 in ('verified_by_staff', 'public_registry') then now() end)
        returning id
        """,
        [
          practitionerID, externalID, input.kind.rawValue, input.issuedOn?.postgres,
          input.expiresOn?.postgres, SchemaVocabulary.column(input.provenance), input.verifiedBy,
        ]
      ).singleRow()!.decode(UUID.self, at: 0)
    }
  }

  /// Adds a board certification to a practitioner and re-scores whom it affects.
  /// - Throws: ``StoreError`` `.notFound("practitioner")`, `.invalidArgument` naming
  ///   `board_certification.<field>`, `.alreadyExists` when `externalID` names a different one.
  public func addBoardCertification(
    practitionerID: UUID, _ input: BoardCertificationInput, externalID: String? = nil,
    actor: AuditActor
  ) async throws -> BoardCertificationRecord {
    try input.validate()
    return try await addOwnedRow(
      Self.boardCertificationRow, ownerID: practitionerID, fields: input,
      externalID: externalID, actor: actor
    ) { connection in
      try await Self.affectedBy(practitioner: practitionerID, on: connection)
    } insert: { connection in
      try await connection.query(
        """
        insert into board_certifications
          (practitioner_id, external_id, board, specialty, certified_on, expires_on, provenance,
           last_verified_by, last_verified_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8,
                case when $7 in ('verified_by_staff', 'public_registry') then now() end)
        returning id
        """,
        [
          practitionerID, externalID, input.board, SchemaVocabulary.column(input.specialty),
          input.certifiedOn?.postgres, input.expiresOn?.postgres,
          SchemaVocabulary.column(input.provenance), input.verifiedBy,
        ]
      ).singleRow()!.decode(UUID.self, at: 0)
    }
  }

  static let certificateRow = OwnedRow<CertificateRecord>(
    table: "certificates", entity: "certificate", ownerTable: "practitioners",
    ownerEntity: "practitioner", ownerColumn: "practitioner_id",
    columns: """
      id, practitioner_id, external_id, kind, issued_on, expires_on, provenance,
      last_verified_by, last_verified_at, version
      """,
    decode: { row in
      CertificateRecord(
        id: try row.decode(UUID.self, "id"),
        practitionerID: try row.decode(UUID.self, "practitioner_id"),
        externalID: try row.decode(String?.self, "external_id"),
        fields: CertificateInput(
          kind: CertificationKind(rawValue: try row.decode(String.self, "kind")) ?? .bls,
          issuedOn: try row.decode(PostgresDate?.self, "issued_on").map(Day.init),
          expiresOn: try row.decode(PostgresDate?.self, "expires_on").map(Day.init),
          provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
          verifiedBy: try row.decode(String?.self, "last_verified_by")),
        lastVerifiedAt: try row.decode(Date?.self, "last_verified_at"),
        version: try row.decode(Int.self, "version"))
    },
    identity: { ($0.practitionerID, AnyHashable($0.fields)) })

  static let boardCertificationRow = OwnedRow<BoardCertificationRecord>(
    table: "board_certifications", entity: "board_certification",
    ownerTable: "practitioners", ownerEntity: "practitioner", ownerColumn: "practitioner_id",
    columns: """
      id, practitioner_id, external_id, board, specialty, certified_on, expires_on, provenance,
      last_verified_by, last_verified_at, version
      """,
    decode: { row in
      BoardCertificationRecord(
        id: try row.decode(UUID.self, "id"),
        practitionerID: try row.decode(UUID.self, "practitioner_id"),
        externalID: try row.decode(String?.self, "external_id"),
        fields: BoardCertificationInput(
          board: try row.decode(String.self, "board"),
          specialty: SchemaVocabulary.discipline(try row.decode(String.self, "specialty")),
          certifiedOn: try row.decode(PostgresDate?.self, "certified_on").map(Day.init),
          expiresOn: try row.decode(PostgresDate?.self, "expires_on").map(Day.init),
          provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
          verifiedBy: try row.decode(String?.self, "last_verified_by")),
        lastVerifiedAt: try row.decode(Date?.self, "last_verified_at"),
        version: try row.decode(Int.self, "version"))
    },
    identity: { ($0.practitionerID, AnyHashable($0.fields)) })

  /// A practitioner's live certificates, by expiry.
  static func certificates(practitionerID: UUID, on connection: Connection) async throws
    -> [CertificateRecord]
  {
    try await liveRows(
      certificateRow, ownerID: practitionerID, orderBy: "expires_on nulls last, id",
      on: connection)
  }

  /// A practitioner's live board certifications.
  static func boardCertifications(practitionerID: UUID, on connection: Connection) async throws
    -> [BoardCertificationRecord]
  {
    try await liveRows(
      boardCertificationRow, ownerID: practitionerID, orderBy: "certified_on nulls last, id",
      on: connection)
  }
}
