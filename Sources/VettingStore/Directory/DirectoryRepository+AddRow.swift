import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// A row that belongs to one owner (a practitioner's certificate, a provider's partner), created
  /// once per external id: what ``addOwnedRow(_:)`` needs to know about its table.
  struct OwnedRow<Record: Sendable>: Sendable {
    /// The table, e.g. `certificates`.
    var table: String
    /// The entity's name in errors and audit entries, e.g. `certificate`.
    var entity: String
    /// The owner's table and column, e.g. `practitioners` / `practitioner_id`; no table when the
    /// owner is any provider (a clinic or a solo practitioner).
    var ownerTable: String?
    var ownerEntity: String
    var ownerColumn: String
    /// The columns `decode` reads.
    var columns: String
    var decode: @Sendable (PostgresRow) throws -> Record
    /// The owner and the fields of a stored record, to compare a retried create with.
    var identity: @Sendable (Record) -> (owner: UUID, fields: AnyHashable)
  }

  /// Creates a row owned by `ownerID` in one transaction with its audit entry and the re-scores
  /// it causes. A retry with the same `externalID` and the same fields returns the stored row
  /// without writing; the same key with other fields is `.alreadyExists`.
  func addOwnedRow<Record: Sendable>(
    _ row: OwnedRow<Record>, ownerID: UUID, fields: AnyHashable, externalID: String?,
    actor: AuditActor, affected: @escaping @Sendable (Connection) async throws -> [UUID],
    insert: @escaping @Sendable (Connection) async throws -> UUID
  ) async throws -> Record {
    try InputValidator.externalID(externalID)
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      if let ownerTable = row.ownerTable {
        try await Self.requireLive(
          ownerTable, entity: row.ownerEntity, id: ownerID, on: connection)
      } else {
        try await Self.requireListedProvider(ownerID, on: connection)
      }
      if let externalID,
        let existing = try await connection.query(
          "select \(row.columns) from \(row.table) where external_id = $1", [externalID]
        ).singleRow().map(row.decode)
      {
        let identity = row.identity(existing)
        guard identity.owner == ownerID, identity.fields == fields else {
          throw StoreError.alreadyExists(row.entity, key: externalID)
        }
        return (try await Self.id(of: row, externalID: externalID, on: connection), [])
      }
      let id = try await insert(connection)
      try await AuditLog.append(
        on: connection, actor: actor, action: "create", entityType: row.entity, entityID: id,
        providerID: ownerID, before: nil,
        after: try await AuditLog.image(row.table, id: id, on: connection))
      return (id, try await affected(connection))
    } read: { connection, id in
      try await connection.query(
        "select \(row.columns) from \(row.table) where id = $1", [id]
      ).singleRow().map(row.decode)!
    }
  }

  /// Throws unless `id` is a live clinic or a live practitioner listed on their own: the providers
  /// that are assessed, and so the only ones whose partners count.
  static func requireListedProvider(_ id: UUID, on connection: Connection) async throws {
    try await requireLiveProvider(id, on: connection)
    let unlisted = try await connection.query(
      "select not listed_solo from practitioners where id = $1", [id]
    ).singleRow()?.decode(Bool.self, at: 0)
    if unlisted == true {
      throw StoreError.failedPrecondition(
        "practitioner \(id.uuidString.lowercased()) is not listed on their own; partners belong "
          + "to a clinic or a solo practitioner", entity: "practitioner",
        id: id.uuidString.lowercased())
    }
  }

  /// The live (not archived) rows of `row`'s table owned by `ownerID`, in `orderBy` order.
  static func liveRows<Record>(
    _ row: OwnedRow<Record>, ownerID: UUID, orderBy: String, on connection: Connection
  ) async throws -> [Record] {
    try await connection.query(
      """
      select \(row.columns) from \(row.table)
       where \(row.ownerColumn) = $1 and archived_at is null order by \(orderBy)
      """, [ownerID]
    ).map(row.decode)
  }

  private static func id<Record>(
    of row: OwnedRow<Record>, externalID: String, on connection: Connection
  ) async throws -> UUID {
    try await connection.query(
      "select id from \(row.table) where external_id = $1", [externalID]
    ).singleRow()!.decode(UUID.self, at: 0)
  }
}
