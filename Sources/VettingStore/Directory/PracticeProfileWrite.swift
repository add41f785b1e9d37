import VettingCore

/// The result of setting a practice profile: the stored profile and the assessment in force
/// after re-scoring.
public struct PracticeProfileWrite: Sendable, Hashable {
  /// The profile as stored, with its new version.
  public var profile: PracticeProfileRecord
  /// The provider's assessment in force after the change (`nil` for a practitioner not listed
  /// solo, who is not assessed on their own).
  public var assessment: AssessmentSummary?
}
