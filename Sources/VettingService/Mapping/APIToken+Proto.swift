import VettingAPI
import VettingStore

extension APIToken {
  /// The wire token (never the secret or its hash).
  var proto: Vetting_V1_Token {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.name = name
      $0.role = role.proto
      $0.createdAt = createdAt.proto
      if let date = revokedAt { $0.revokedAt = date.proto }
      if let date = lastUsedAt { $0.lastUsedAt = date.proto }
      $0.createdBy = createdBy ?? ""
    }
  }
}
