/// The result of assessing one provider against one rubric version on one day.
///
/// Everything needed to explain the verdict is here: the rubric version, every criterion's
/// outcome with the facts it used, every raised flag, the sub-scores and the tier.
public struct Assessment: Sendable, Hashable, Codable {
  /// The rubric version used (see ``Rubric/named(_:)``).
  public var rubricVersion: String
  /// The provider assessed.
  public var providerID: String
  /// The day expiry was judged against.
  public var asOf: Day
  /// 0–100 over the criteria that apply (rounded down).
  public var score: Int
  /// Points earned over all applicable criteria, in hundredths.
  public var earnedHundredths: Int
  /// Points available over all applicable criteria, in hundredths.
  public var possibleHundredths: Int
  /// The verdict.
  public var tier: Tier
  /// Sub-scores in area order.
  public var areas: [AreaScore]
  /// Every criterion's outcome, in rubric order.
  public var outcomes: [CriterionOutcome]
  /// Raised flags, most severe first, in rubric order within a severity.
  public var flags: [RaisedFlag]
  /// Who was counted in the medical and the mental-health role, and why; `nil` under rubrics
  /// that do not record it (2026.1, whose stored documents stay byte for byte as they were).
  public var roles: [RoleAssignment]?

  /// Creates an assessment.
  public init(
    rubricVersion: String, providerID: String, asOf: Day, score: Int, earnedHundredths: Int,
    possibleHundredths: Int, tier: Tier, areas: [AreaScore], outcomes: [CriterionOutcome],
    flags: [RaisedFlag], roles: [RoleAssignment]? = nil
  ) {
    self.rubricVersion = rubricVersion
    self.providerID = providerID
    self.asOf = asOf
    self.score = score
    self.earnedHundredths = earnedHundredths
    self.possibleHundredths = possibleHundredths
    self.tier = tier
    self.areas = areas
    self.outcomes = outcomes
    self.flags = flags
    self.roles = roles
  }

  /// The outcome of criterion `id`, if the rubric has it.
  public func outcome(_ id: String) -> CriterionOutcome? {
    outcomes.first { $0.criterionID == id }
  }

  /// Whether flag `id` was raised.
  public func raised(_ id: String) -> Bool { flags.contains { $0.flagID == id } }
}
