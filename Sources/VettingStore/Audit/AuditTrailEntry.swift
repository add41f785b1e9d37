import Foundation

/// One entry of a provider's audit trail: a logged change, or an assessment stored by the
/// re-score that followed a write.
public struct AuditTrailEntry: Sendable, Hashable {
  /// Where an entry comes from.
  public enum Source: Sendable, Hashable {
    /// An `audit_log` row, written in the same transaction as the change.
    case auditLog
    /// An assessment without a log entry of its own (the re-score after a write; the write has
    /// its own entry). `before` / `after` are the previous and this assessment in brief.
    case assessmentHistory
  }

  /// Where the entry comes from.
  public var source: Source
  /// The audit log's order (`seq`); `nil` for ``Source/assessmentHistory``.
  public var seq: Int64?
  /// When it happened.
  public var occurredAt: Date
  /// Who did it: a token name (`token:<name>`), a CLI user, or `system`.
  public var actor: String
  /// The API token used, if any.
  public var actorTokenID: UUID?
  /// What was done: `create`, `update`, `archive`, `assess`, ….
  public var action: String
  /// What kind of record: `clinic`, `license`, `assessment`, ….
  public var entityType: String
  /// Which record.
  public var entityID: UUID
  /// The record before, as a JSON object; `nil` for a create.
  public var before: String?
  /// The record after, as a JSON object; `nil` when it was removed.
  public var after: String?
  /// Top-level fields whose values differ between before and after (leaving out `version` and
  /// `updated_at`), sorted.
  public var changedFields: [String]
  /// The reason given, if any.
  public var reason: String?
  /// The request's id, if any.
  public var requestID: String?
}
