/// Rubric v1 (version "2026.1"), the first published rubric.
enum RubricV1 {
  static let version = "2026.1"

  /// A video evaluation counts as live (a full assessment) only when it lasts at least this many
  /// minutes; a shorter one is a brief video call. The reference's example of thin telehealth is
  /// "a 30-minute video call" followed by a month's supply by mail (NYT, via mhweb.org; in
  /// RUBRIC-SOURCES.md "Red flags" and DOMAIN-RESEARCH.md section 4), so 30 minutes is brief and
  /// the boundary is the minute after. Applies only when the length is on record; without it the
  /// recorded mode (`live-video` or `brief-video`) decides, as before.
  static let liveVideoMinimumMinutes = 31

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
