import VettingAPI

/// Due-for-review items as printed.
enum DueItemFields {
  static let columns = [
    "reason", "provider_id", "provider_kind", "provider_name", "entity_type", "entity_id",
    "due_on", "last_checked_at", "rubric_version", "detail",
  ]
  static let brief = ["reason", "provider_name", "entity_type", "due_on", "detail"]

  static func row(_ item: Vetting_V1_DueItem) -> [String] {
    [
      Vocabulary.name(item.reason), item.providerID, Vocabulary.name(item.providerKind),
      item.providerName, item.entityType, item.entityID,
      item.hasDueOn ? DayText.format(item.dueOn) : "",
      InstantText.format(item.lastCheckedAt, isSet: item.hasLastCheckedAt), item.rubricVersion,
      item.detail,
    ]
  }
}
