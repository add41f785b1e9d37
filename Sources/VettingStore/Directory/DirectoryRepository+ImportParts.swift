import Foundation
import LibPQ
import VettingCore

/// The parts of an imported record (``ImportParts``), written in the record's savepoint.
extension DirectoryRepository {
  /// Creates each part not yet imported (`<key>/<list>/<index>`), adds each team member, and
  /// replaces the questionnaire when it differs; whether anything was written. A part imported
  /// before with other content rejects the record, naming it.
  static func importParts(
    _ parts: ImportParts, providerID: UUID, key: String, actor: AuditActor,
    on connection: Connection
  ) async throws -> Bool {
    var changed = false
    func ensure<Record, Fields: Hashable & Sendable>(
      _ row: OwnedRow<Record>, _ list: String, _ elements: [Fields],
      insert: (Fields, String, Connection) async throws -> UUID
    ) async throws {
      for (index, element) in elements.enumerated() {
        let externalID = "\(key)/\(list)/\(index)"
        do {
          let (_, created) = try await ensureOwnedRow(
            row, ownerID: providerID, fields: element, externalID: externalID, actor: actor,
            on: connection
          ) { try await insert(element, externalID, $0) }
          changed = created || changed
        } catch let error as StoreError where error.code == .alreadyExists {
          throw StoreError.invalidArgument(
            field: "parts.\(list)[\(index)]",
            message: "\"\(externalID)\" was imported with other content; parts are added, never "
              + "replaced: end or archive it (EndRecord) and import the new one at a new index")
        }
      }
    }
    try await ensure(licenseRow, "licenses", parts.licenses) {
      try await insertLicense($0, practitionerID: providerID, externalID: $1, on: $2)
    }
    try await ensure(trainingRow, "trainings", parts.trainings) {
      try await insertTraining($0, practitionerID: providerID, externalID: $1, on: $2)
    }
    try await ensure(certificateRow, "certificates", parts.certificates) {
      try await insertCertificate($0, practitionerID: providerID, externalID: $1, on: $2)
    }
    try await ensure(boardCertificationRow, "board_certifications", parts.boardCertifications) {
      try await insertBoardCertification($0, practitionerID: providerID, externalID: $1, on: $2)
    }
    try await ensure(partnerRow, "partners", parts.partners) {
      try await insertPartner($0, providerID: providerID, externalID: $1, on: $2)
    }
    try await ensure(evidenceRow, "evidence", parts.evidence) {
      try await insertEvidence($0, providerID: providerID, externalID: $1, on: $2)
    }
    for (index, member) in parts.team.enumerated() {
      changed =
        try await importTeamMember(
          member, index: index, clinicID: providerID, actor: actor, on: connection) || changed
    }
    if let profile = parts.profile {
      changed =
        try await importProfile(profile, providerID: providerID, actor: actor, on: connection)
        || changed
    }
    return changed
  }

  /// Puts the practitioner `member` names on clinic `clinicID`'s team unless they already are
  /// in that role.
  private static func importTeamMember(
    _ member: ImportParts.TeamMember, index: Int, clinicID: UUID, actor: AuditActor,
    on connection: Connection
  ) async throws -> Bool {
    let field = "parts.team[\(index)].practitioner_external_id"
    guard
      let practitionerID = try await connection.query(
        "select id from practitioners where external_id = $1 and archived_at is null",
        [member.practitionerExternalID]
      ).singleRow()?.decode(UUID.self, at: 0)
    else {
      throw StoreError.invalidArgument(
        field: field,
        message: "no live practitioner has the external id \"\(member.practitionerExternalID)\" "
          + "(import the practitioner before the clinic, in this batch or an earlier one)")
    }
    let present = try await connection.query(
      """
      select 1 from affiliations
       where clinic_id = $1 and practitioner_id = $2 and role = $3 and archived_at is null
      """, [clinicID, practitionerID, member.role.rawValue]
    ).singleRow()
    guard present == nil else { return false }
    let id = try await connection.query(
      """
      insert into affiliations (clinic_id, practitioner_id, role, started_on)
      values ($1, $2, $3, current_date) returning id
      """, [clinicID, practitionerID, member.role.rawValue]
    ).singleRow()!.decode(UUID.self, at: 0)
    try await AuditLog.append(
      on: connection, actor: actor, action: "affiliate", entityType: "affiliation", entityID: id,
      providerID: clinicID, before: nil,
      after: try await AuditLog.image("affiliations", id: id, on: connection))
    return true
  }

  /// Replaces the provider's questionnaire with `profile` when they differ.
  private static func importProfile(
    _ profile: PracticeQuestionnaire, providerID: UUID, actor: AuditActor,
    on connection: Connection
  ) async throws -> Bool {
    let current = try await connection.query(
      "select id, version, to_jsonb(t) from practice_profiles t where provider_id = $1 for update",
      [providerID]
    ).singleRow()
    if current != nil,
      try await FactsAssembler.questionnaire(providerID: providerID, on: connection) == profile
    {
      return false
    }
    _ = try await writeProfile(
      profile, providerID: providerID, current: current,
      expectedVersion: try current?.decode(Int.self, at: 1) ?? 0, actor: actor, on: connection)
    return true
  }
}
