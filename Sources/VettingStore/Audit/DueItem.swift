import Foundation
import VettingCore

/// One thing that must be re-checked, and why.
public struct DueItem: Sendable, Hashable {
  /// Why it is due.
  public var reason: DueReason
  /// The provider it concerns (for a license or certificate, the practitioner).
  public var providerID: UUID
  /// Clinic or practitioner (team practitioners too).
  public var providerKind: ProviderKind
  /// The provider's display name.
  public var providerName: String
  /// What to re-check: `license`, `clinic`, `practitioner`, `evidence_item`, `training`,
  /// `assessment`.
  public var entityType: String
  /// Which record.
  public var entityID: UUID
  /// One sentence an auditor can act on.
  public var detail: String
  /// When it was last verified or checked; `nil` when never (or not applicable).
  public var lastCheckedAt: Date?
  /// The day it falls or fell due; `nil` when never checked, and for an outdated rubric.
  public var dueOn: Day?
  /// For ``DueReason/outdatedRubric``: the version the assessment used.
  public var rubricVersion: String?
}
