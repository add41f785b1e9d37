import Foundation
import VettingAPI

/// Audit trail entries as printed.
enum AuditEntryFields {
  static let columns = [
    "occurred_at", "source", "seq", "actor", "actor_token_id", "action", "entity_type",
    "entity_id", "changed_fields", "changes", "reason", "request_id", "before", "after",
  ]
  static let brief = ["occurred_at", "actor", "action", "entity_type", "changes", "reason"]

  static func row(_ entry: Vetting_V1_AuditEntry) -> [String] {
    [
      InstantText.format(entry.occurredAt, isSet: entry.hasOccurredAt),
      Vocabulary.name(entry.source), entry.seq == 0 ? "" : "\(entry.seq)", entry.actor,
      entry.actorTokenID, entry.action, entry.entityType, entry.entityID,
      entry.changedFields.joined(separator: ";"), changes(entry), entry.reason, entry.requestID,
      entry.beforeJson, entry.afterJson,
    ]
  }

  /// `field: before → after` for each changed field, from the entry's JSON records; for a
  /// create (no before) `field=value`. Values longer than 60 characters are cut, and the whole
  /// at 300 (`before` and `after` have everything).
  static func changes(_ entry: Vetting_V1_AuditEntry) -> String {
    let before = object(entry.beforeJson)
    let after = object(entry.afterJson)
    let text = entry.changedFields.map { field in
      let old = before.map { value($0[field]) }
      let new = after.map { value($0[field]) }
      switch (old, new) {
      case (let old?, let new?): return "\(field): \(old) → \(new)"
      case (nil, let new?): return "\(field)=\(new)"
      case (let old?, nil): return "\(field): \(old) → (removed)"
      case (nil, nil): return field
      }
    }.joined(separator: "; ")
    return HTMLText.truncate(text, to: 300)
  }

  private static func object(_ json: String) -> [String: Any]? {
    guard !json.isEmpty,
      let parsed = try? JSONSerialization.jsonObject(
        with: Data(json.utf8), options: [.fragmentsAllowed])
    else { return nil }
    return parsed as? [String: Any]
  }

  private static func value(_ value: Any?) -> String {
    let text: String
    switch value {
    case nil, is NSNull: text = "null"
    case let string as String: text = "\"\(string)\""
    case let number as NSNumber: text = "\(number)"
    case let other?:
      if JSONSerialization.isValidJSONObject(other),
        let data = try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys])
      {
        text = String(decoding: data, as: UTF8.self)
      } else {
        text = "\(other)"
      }
    }
    return HTMLText.truncate(text, to: 60)
  }
}
