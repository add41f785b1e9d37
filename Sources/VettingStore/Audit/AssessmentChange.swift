import Foundation
import VettingCore

/// A provider whose tier changed, or who gained or lost a flag or saw one change severity,
/// between two instants.
public struct AssessmentChange: Sendable, Hashable {
  /// How the tier moved.
  public enum TierChange: Sendable, Hashable {
    /// The same tier; a flag was gained or lost, or changed severity.
    case unchanged
    /// A better tier at the later instant.
    case upgraded
    /// A worse tier at the later instant.
    case downgraded
    /// No assessment was in force at the earlier instant.
    case firstAssessed
  }

  /// The clinic's or practitioner's id.
  public var providerID: UUID
  /// Clinic or solo practitioner.
  public var kind: ProviderKind
  /// Display name.
  public var name: String
  /// Its primary location (in the query's state, when given).
  public var location: ProviderLocation?
  /// The assessment in force at the earlier instant; `nil` for ``TierChange/firstAssessed``.
  public var from: AssessmentSummary?
  /// The assessment in force at the later instant.
  public var to: AssessmentSummary
  /// How the tier moved.
  public var tierChange: TierChange
  /// Flags raised at the later instant and not at the earlier one, sorted.
  public var gainedFlags: [String]
  /// Flags raised at the earlier instant and not at the later one, sorted.
  public var lostFlags: [String]
  /// Flags raised at both instants whose severity differs under the two assessments' rubric
  /// versions, sorted by id: why a provider whose facts did not change moved after a rubric move.
  public var severityChanges: [SeverityChange]

  /// A flag weighed differently by the rubric versions of the two assessments.
  public struct SeverityChange: Sendable, Hashable {
    public var flagID: String
    /// Under the earlier assessment's rubric version.
    public var from: Severity
    /// Under the later assessment's rubric version.
    public var to: Severity
  }

  /// The flags of `flags` (raised by both assessments) whose severity differs between rubric
  /// versions `from` and `to`, sorted by id.
  static func severityChanges(
    of flags: Set<String>, from: String, to: String
  ) -> [SeverityChange] {
    guard from != to else { return [] }
    return flags.sorted().compactMap { id in
      guard let before = FlagCatalog.severity(of: id, version: from),
        let after = FlagCatalog.severity(of: id, version: to), before != after
      else { return nil }
      return SeverityChange(flagID: id, from: before, to: after)
    }
  }
}
