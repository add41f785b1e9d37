/// Rubric v1 (version "2026.1"), the first published rubric.
enum RubricV1 {
  static let version = "2026.1"

  /// Verified or registry evidence earns full points, a document on file three quarters,
  /// self-reported facts half.
  static let credit = CreditPolicy(
    selfReported: 50, documentOnFile: 75, verifiedByStaff: 100, publicRegistry: 100)

  static let tiers = TierPolicy(
    recommendedMinimum: 85, vettedMinimum: 70, conditionalMinimum: 50, majorFlagsForConditional: 2)

  static let rubric = Rubric(
    version: version,
    criteria: licensure + training + screening + integration + medicalSafety + atHome + ethics,
    flags: flags,
    credit: credit,
    tiers: tiers)
}

extension Rubric {
  /// Rubric 2026.1.
  public static let v1 = RubricV1.rubric
}
