import Foundation
import LibPQ

/// Appends audit entries and takes row images, inside the caller's transaction.
enum AuditLog {
  /// The row as jsonb, or `nil` when it does not exist. `table` is one of our own table names.
  static func image(_ table: String, id: UUID, on connection: Connection) async throws
    -> PostgresJSONB?
  {
    try await connection.query("select to_jsonb(t) from \(table) t where t.id = $1", [id])
      .singleRow()?.decode(PostgresJSONB.self, at: 0)
  }

  static func append(
    on connection: Connection, actor: AuditActor, action: String, entityType: String,
    entityID: UUID, providerID: UUID?, before: PostgresJSONB?, after: PostgresJSONB?,
    reason: String? = nil
  ) async throws {
    try await connection.execute(
      """
      insert into audit_log
        (actor, actor_token_id, action, entity_type, entity_id, provider_id, before, after,
         request_id, reason)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      """,
      [
        actor.name, actor.tokenID, action, entityType, entityID, providerID, before, after,
        actor.requestID, reason,
      ])
  }
}
