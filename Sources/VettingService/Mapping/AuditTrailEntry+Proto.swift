import VettingAPI
import VettingStore

extension AuditTrailEntry {
  /// The wire entry.
  var proto: Vetting_V1_AuditEntry {
    .with {
      $0.source = source == .auditLog ? .auditLog : .assessmentHistory
      $0.seq = seq ?? 0
      $0.occurredAt = occurredAt.proto
      $0.actor = actor
      $0.actorTokenID = actorTokenID?.uuidString.lowercased() ?? ""
      $0.action = action
      $0.entityType = entityType
      $0.entityID = entityID.uuidString.lowercased()
      $0.beforeJson = before ?? ""
      $0.afterJson = after ?? ""
      $0.changedFields = changedFields
      $0.reason = reason ?? ""
      $0.requestID = requestID ?? ""
    }
  }
}
