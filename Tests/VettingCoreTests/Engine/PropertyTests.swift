import Testing
import VettingCore

@Suite("Properties over generated providers")
struct PropertyTests {
  static let cases = 300
  static let asOf = Fixtures.asOf

  static func providers(seed: UInt64) -> [ProviderFacts] {
    let generator = SyntheticProviders(seed: seed, around: asOf)
    return (0..<cases).map { _ in generator.next() }
  }

  @Test("adding verified evidence never lowers a score", arguments: Improvement.allCases)
  func verifiedEvidenceNeverLowers(_ improvement: Improvement) {
    var random = SplitMix64(seed: 41)
    for facts in Self.providers(seed: 7) {
      let before = Engine.assess(facts, asOf: Self.asOf)
      var improved = facts
      improvement.apply(to: &improved, random: &random, asOf: Self.asOf)
      let after = Engine.assess(improved, asOf: Self.asOf)
      #expect(after.score >= before.score, "\(facts.id): \(before.score) -> \(after.score)")
      #expect(after.earnedHundredths >= before.earnedHundredths, "\(facts.id)")
      #expect(after.possibleHundredths == before.possibleHundredths, "\(facts.id)")
      for (old, new) in zip(before.areas, after.areas) {
        #expect(new.earnedHundredths >= old.earnedHundredths, "\(facts.id) \(new.area)")
      }
    }
  }

  @Test("letting evidence expire never raises a score")
  func expiryNeverRaises() {
    var random = SplitMix64(seed: 43)
    for facts in Self.providers(seed: 11) {
      let now = Engine.assess(facts, asOf: Self.asOf)
      let later = Self.asOf.advanced(byDays: Int.random(in: 1...1200, using: &random))
      let afterwards = Engine.assess(facts, asOf: later)
      #expect(afterwards.score <= now.score, "\(facts.id): \(now.score) -> \(afterwards.score)")
      #expect(afterwards.earnedHundredths <= now.earnedHundredths, "\(facts.id)")
    }
  }

  @Test("expiring one fact never raises a score")
  func expiringOneFactNeverRaises() {
    var random = SplitMix64(seed: 47)
    let yesterday = Self.asOf.advanced(byDays: -1)
    for facts in Self.providers(seed: 13) {
      let before = Engine.assess(facts, asOf: Self.asOf)
      var expired = facts
      let (path, _) = Improvement.booleanFacts.randomElement(using: &random)!
      expired.practice[keyPath: path]?.expires = yesterday
      if !expired.practitioners.isEmpty {
        let index = Int.random(in: expired.practitioners.indices, using: &random)
        for license in expired.practitioners[index].licenses.indices {
          expired.practitioners[index].licenses[license].expires = yesterday
        }
      }
      let after = Engine.assess(expired, asOf: Self.asOf)
      #expect(after.score <= before.score, "\(facts.id): \(before.score) -> \(after.score)")
    }
  }

  @Test("a critical flag always means the lowest tier, and tiers follow the policy")
  func criticalMeansLowestTier() {
    let rubric = Rubric.current
    var criticalSeen = 0
    for facts in Self.providers(seed: 17) {
      let assessment = Engine.assess(facts, asOf: Self.asOf)
      let critical = assessment.flags.filter { $0.severity == .critical }.count
      let major = assessment.flags.filter { $0.severity == .major }.count
      if critical > 0 {
        criticalSeen += 1
        #expect(assessment.tier == .lowest, "\(facts.id)")
      }
      #expect(
        assessment.tier
          == rubric.tiers.tier(score: assessment.score, criticalFlags: critical, majorFlags: major))
      #expect((0...100).contains(assessment.score))
    }
    #expect(criticalSeen > 0, "the generator should produce critical flags")
  }

  @Test("normalizing the facts changes neither score, tier nor flags")
  func normalizationPreservesVerdict() {
    for facts in Self.providers(seed: 19) {
      var shuffled = facts
      shuffled.practitioners.reverse()
      shuffled.routes.reverse()
      shuffled.statesServed.reverse()
      let original = Engine.assess(facts, asOf: Self.asOf)
      let normalized = Engine.assess(shuffled.normalized(), asOf: Self.asOf)
      #expect(original.score == normalized.score, "\(facts.id)")
      #expect(original.tier == normalized.tier, "\(facts.id)")
      #expect(Set(original.flags.map(\.flagID)) == Set(normalized.flags.map(\.flagID)))
    }
  }
}
