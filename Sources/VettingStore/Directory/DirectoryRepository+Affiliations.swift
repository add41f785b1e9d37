import Foundation
import LibPQ

extension DirectoryRepository {
  /// Puts a practitioner on a clinic's team in `role` (optionally at one of the clinic's
  /// locations) and re-scores the clinic. Repeating an existing live affiliation returns it.
  /// - Throws: ``StoreError`` `.notFound("clinic")` / `.notFound("practitioner")`,
  ///   `.invalidArgument("location_id")` for a location that is not the clinic's,
  ///   `.alreadyExists` when `externalID` names a different affiliation.
  public func affiliate(
    clinicID: UUID, practitionerID: UUID, role: TeamRole, locationID: UUID? = nil,
    externalID: String? = nil, actor: AuditActor
  ) async throws -> AffiliationRecord {
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      try await Self.requireLive("clinics", entity: "clinic", id: clinicID, on: connection)
      try await Self.requireLive(
        "practitioners", entity: "practitioner", id: practitionerID, on: connection)
      if let locationID {
        let owner = try await connection.query(
          "select provider_id from locations where id = $1 and archived_at is null", [locationID]
        ).singleRow()?.decode(UUID.self, at: 0)
        guard owner == clinicID else {
          throw StoreError.invalidArgument(
            field: "location_id", message: "is not a live location of clinic \(clinicID)")
        }
      }
      let existing = try await connection.query(
        """
        select id, clinic_id, practitioner_id, role, location_id from affiliations
         where ($1::text is not null and external_id = $1)
            or ($1::text is null and clinic_id = $2 and practitioner_id = $3 and role = $4
                and archived_at is null)
        """, [externalID, clinicID, practitionerID, role.rawValue]
      ).singleRow()
      if let existing {
        let same =
          try existing.decode(UUID.self, "clinic_id") == clinicID
          && existing.decode(UUID.self, "practitioner_id") == practitionerID
          && existing.decode(String.self, "role") == role.rawValue
          && existing.decode(UUID?.self, "location_id") == locationID
        guard same else {
          throw StoreError.alreadyExists(
            "affiliation", key: externalID ?? "\(clinicID)/\(practitionerID)/\(role.rawValue)")
        }
        return (try existing.decode(UUID.self, "id"), [])
      }
      let id = try await connection.query(
        """
        insert into affiliations (clinic_id, practitioner_id, location_id, external_id, role,
                                  started_on)
        values ($1, $2, $3, $4, $5, current_date) returning id
        """, [clinicID, practitionerID, locationID, externalID, role.rawValue]
      ).singleRow()!.decode(UUID.self, at: 0)
      try await AuditLog.append(
        on: connection, actor: actor, action: "affiliate", entityType: "affiliation",
        entityID: id, providerID: clinicID, before: nil,
        after: try await AuditLog.image("affiliations", id: id, on: connection))
      return (id, [clinicID])
    } read: { connection, id in
      try await Self.affiliations(where: "a.id = $1", id, on: connection)[0]
    }
  }
}
