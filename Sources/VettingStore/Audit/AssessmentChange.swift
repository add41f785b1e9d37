import Foundation
import VettingCore

/// A provider whose tier changed, or who gained or lost a flag, between two instants.
public struct AssessmentChange: Sendable, Hashable {
  /// How the tier moved.
  public enum TierChange: Sendable, Hashable {
    /// The same tier; a flag was gained or lost.
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
}
