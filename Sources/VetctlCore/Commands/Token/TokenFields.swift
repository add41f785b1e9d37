import VettingAPI

/// Tokens as printed.
enum TokenFields {
  static let columns = [
    "id", "name", "role", "created_at", "created_by", "last_used_at", "revoked_at",
  ]

  static func row(_ token: Vetting_V1_Token) -> [String] {
    [
      token.id, token.name, Vocabulary.name(token.role),
      DayText.format(token.createdAt, isSet: token.hasCreatedAt), token.createdBy,
      DayText.format(token.lastUsedAt, isSet: token.hasLastUsedAt),
      DayText.format(token.revokedAt, isSet: token.hasRevokedAt),
    ]
  }
}
