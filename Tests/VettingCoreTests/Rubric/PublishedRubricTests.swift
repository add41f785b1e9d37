import Testing
import VettingCore

@Suite("Published rubric versions are frozen")
struct PublishedRubricTests {
  /// Everything that decides a verdict, in a stable text form: ids, areas, points,
  /// applicability, severities, credit and tier policies. Documentation text may be edited;
  /// this may not, for a published version.
  static func signature(_ rubric: Rubric) -> String {
    var lines = [rubric.version]
    for criterion in rubric.criteria {
      lines.append(
        "c \(criterion.id) \(criterion.area.rawValue) \(criterion.points) "
          + criterion.applicability.rawValue)
    }
    for flag in rubric.flags {
      lines.append("f \(flag.id) \(flag.severity.rawValue) \(flag.applicability.rawValue)")
    }
    let credit = rubric.credit
    lines.append(
      "credit \(credit.selfReported) \(credit.documentOnFile) \(credit.verifiedByStaff) "
        + "\(credit.publicRegistry)")
    let tiers = rubric.tiers
    lines.append(
      "tiers \(tiers.recommendedMinimum) \(tiers.vettedMinimum) \(tiers.conditionalMinimum) "
        + "\(tiers.majorFlagsForConditional)")
    return lines.joined(separator: "\n")
  }

  /// FNV-1a, 64 bits: stable across platforms and runs (unlike Hasher).
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  @Test(
    "a published rubric has not changed since publication",
    arguments: [("2026.1", published20261), ("2026.2", published20262)])
  func frozen(_ version: String, _ published: UInt64) throws {
    let rubric = try #require(Rubric.named(version))
    let signature = Self.signature(rubric)
    #expect(
      Self.fnv1a(signature) == published,
      """
      Rubric \(version) changed (signature hash \(String(Self.fnv1a(signature), radix: 16))). \
      Published rubrics must not change: add a new version instead.
      """)
  }

  /// Recorded when 2026.2 was published for review (5 December 2026), and re-recorded while
  /// issue 14's severity review completes it, before any server scores with it by default
  /// (``Rubric/current`` is 2026.1): monitoring split by route; flags for no prescriber
  /// follow-up, no support during dosing, advertising for excluded conditions, therapists
  /// without ketamine training and non-refundable packages (6 December 2026).
  static let published20262: UInt64 = 0x9548_259c_b51c_30f3

  /// Recorded when 2026.1 was published.
  static let published20261: UInt64 = 0x7a79_5b9e_17fc_d934
}
