import Foundation
import LibPQ

extension DirectoryRepository {
  /// Adds a location to a clinic or practitioner. A primary location takes the primary mark from
  /// the provider's other locations.
  /// - Throws: ``StoreError`` `.notFound("provider")`, `.invalidArgument` naming
  ///   `location.<field>`, `.alreadyExists` when `externalID` names a different location.
  public func addLocation(
    providerID: UUID, _ input: LocationInput, externalID: String? = nil, actor: AuditActor
  ) async throws -> LocationRecord {
    try input.validate()
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      try await Self.requireLiveProvider(providerID, on: connection)
      if let externalID,
        let existing = try await connection.query(
          "select \(Self.locationColumns) from locations where external_id = $1", [externalID]
        ).singleRow().map(Self.location)
      {
        guard existing.providerID == providerID, existing.fields == input else {
          throw StoreError.alreadyExists("location", key: externalID)
        }
        return (existing.id, [])
      }
      let id = try await Self.insertLocation(
        providerID: providerID, input, externalID: externalID, actor: actor, on: connection)
      return (id, try await Self.affectedBy(provider: providerID, on: connection))
    } read: { connection, id in
      try await Self.locationRecord(id, on: connection)
    }
  }

  /// Replaces a location's fields.
  public func updateLocation(
    id: UUID, expectedVersion: Int, _ input: LocationInput, actor: AuditActor
  ) async throws -> LocationRecord {
    try input.validate()
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      let before = try await Self.lock(
        "locations", entity: "location", id: id, expected: expectedVersion, on: connection)
      let providerID = try await connection.query(
        "select provider_id from locations where id = $1", [id]
      ).singleRow()!.decode(UUID.self, at: 0)
      try await Self.replaceLocation(
        id: id, providerID: providerID, before: before, input, actor: actor, on: connection)
      return (id, try await Self.affectedBy(provider: providerID, on: connection))
    } read: { connection, id in
      try await Self.locationRecord(id, on: connection)
    }
  }

  /// Inserts location `input` of provider `providerID` (taking the primary mark when it is
  /// primary) and appends its `create` audit entry, inside the caller's transaction. `input` must
  /// be validated.
  static func insertLocation(
    providerID: UUID, _ input: LocationInput, externalID: String?, actor: AuditActor,
    on connection: Connection
  ) async throws -> UUID {
    if input.isPrimary { try await clearPrimary(providerID, except: nil, on: connection) }
    let id = try await connection.query(
      """
      insert into locations
        (provider_id, external_id, label, address_line1, address_line2, city, state,
         postal_code, latitude, longitude, phone, is_primary)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id
      """,
      [providerID, externalID] + locationParameters(input)
    ).singleRow()!.decode(UUID.self, at: 0)
    try await AuditLog.append(
      on: connection, actor: actor, action: "create", entityType: "location", entityID: id,
      providerID: providerID, before: nil,
      after: try await AuditLog.image("locations", id: id, on: connection))
    return id
  }

  /// Replaces the fields of location `id` of provider `providerID` (locked by the caller,
  /// `before` its image) and appends the `update` audit entry, inside the caller's transaction.
  static func replaceLocation(
    id: UUID, providerID: UUID, before: PostgresJSONB, _ input: LocationInput,
    actor: AuditActor, on connection: Connection
  ) async throws {
    if input.isPrimary { try await clearPrimary(providerID, except: id, on: connection) }
    try await connection.execute(
      """
      update locations set label = $2, address_line1 = $3, address_line2 = $4, city = $5,
             state = $6, postal_code = $7, latitude = $8, longitude = $9, phone = $10,
             is_primary = $11
       where id = $1
      """, [id] + locationParameters(input))
    try await AuditLog.append(
      on: connection, actor: actor, action: "update", entityType: "location", entityID: id,
      providerID: providerID, before: before,
      after: try await AuditLog.image("locations", id: id, on: connection))
  }

  static func locationRecord(_ id: UUID, on connection: Connection) async throws -> LocationRecord {
    guard
      let record = try await connection.query(
        "select \(locationColumns) from locations where id = $1", [id]
      ).singleRow().map(location)
    else { throw StoreError.notFound("location", id: id.uuidString.lowercased()) }
    return record
  }

  /// Moves the primary mark: at most one live primary location per provider (the schema's
  /// `locations_one_primary`). The other location's version changes with it.
  static func clearPrimary(_ providerID: UUID, except id: UUID?, on connection: Connection)
    async throws
  {
    try await connection.execute(
      """
      update locations set is_primary = false
       where provider_id = $1 and is_primary and archived_at is null and id is distinct from $2
      """, [providerID, id])
  }

  static func locationParameters(_ input: LocationInput) -> [any PostgresEncodable] {
    [
      input.label, input.addressLine1, input.addressLine2, input.city, input.state,
      input.postalCode, input.latitude, input.longitude, input.phone, input.isPrimary,
    ]
  }
}
