import Foundation
import VettingCore

/// A stored assessment with every criterion and flag.
public struct AssessmentRecord: Sendable, Hashable {
  /// The brief form.
  public var summary: AssessmentSummary
  /// Whether the provider is a clinic or a solo practitioner.
  public var providerKind: ProviderKind
  /// The engine's full output, exactly as computed.
  public var assessment: Assessment
  /// Who or what triggered it (an actor name or `system`).
  public var assessedBy: String
  /// When a newer assessment replaced it; `nil` while in force.
  public var supersededAt: Date?
}
