import VettingAPI
import VettingStore

extension DueItem {
  /// The wire item.
  var proto: Vetting_V1_DueItem {
    .with {
      $0.reason = reason.proto
      $0.providerID = providerID.uuidString.lowercased()
      $0.providerKind = providerKind.proto
      $0.providerName = providerName
      $0.entityType = entityType
      $0.entityID = entityID.uuidString.lowercased()
      $0.detail = detail
      if let lastCheckedAt { $0.lastCheckedAt = lastCheckedAt.proto }
      if let dueOn { $0.dueOn = dueOn.proto }
      $0.rubricVersion = rubricVersion ?? ""
    }
  }
}
