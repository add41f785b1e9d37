import Testing
import VettingCore

@Suite("Engine edge cases")
struct EngineTests {
  @Test("an empty provider is assessed, not vetted, and explained; nothing traps")
  func emptyProvider() throws {
    let facts = ProviderFacts(id: "", kind: .clinic, name: "")
    let assessment = Fixtures.assess(facts)
    #expect(assessment.tier == .notVetted)
    #expect(assessment.score == 0)
    #expect(assessment.raised("team.no-mental-health-professional"))
    #expect(assessment.raised("team.no-medical-professional"))
    #expect(assessment.outcomes.count == Rubric.current.criteria.count)
    let outcome = try #require(assessment.outcome("licensure.active-license"))
    #expect(outcome.reason == "team: not on record")
  }

  @Test("malformed values are outcomes and flags, not crashes")
  func malformedValues() {
    var facts = Fixtures.exemplary()
    facts.npi = .registry("")
    facts.practitioners[0].npi = .selfReported("not-an-npi")
    facts.practitioners[0].licenses[0].state = ""
    facts.practice.safety.observationMinutes = .verified(-5)
    facts.practice.home.dosesPerFill = .verified(Int.max)
    facts.practice.home.maxDoseMg = .verified(Int.min)
    facts.practice.integration.integrationWithinHours = .verified(Int.min)
    let assessment = Fixtures.assess(facts)
    #expect(assessment.raised("licensure.invalid-npi"))
    #expect(assessment.raised("home.large-supply"))
    #expect(assessment.outcome("safety.observation-time")?.status == .notMet)
    #expect(
      assessment.outcome("integration.timely-integration")?.reason
        == "integration timing: invalid, negative value (verified by staff)")
    #expect(assessment.outcome("home.dose-cap")?.status == .notMet)
    #expect((0...100).contains(assessment.score))
  }

  @Test("every reason on generated providers is one non-empty line")
  func reasonsAreOneLine() {
    let generator = SyntheticProviders(seed: 29, around: Fixtures.asOf)
    for _ in 0..<200 {
      let assessment = Fixtures.assess(generator.next())
      for reason in assessment.outcomes.map(\.reason) + assessment.flags.map(\.reason) {
        #expect(!reason.isEmpty && !reason.contains("\n"), "\(reason)")
      }
    }
  }

  @Test("area sub-scores add up to the total")
  func areaScoresAddUp() {
    let generator = SyntheticProviders(seed: 31, around: Fixtures.asOf)
    for _ in 0..<200 {
      let assessment = Fixtures.assess(generator.next())
      #expect(assessment.areas.map(\.earnedHundredths).reduce(0, +) == assessment.earnedHundredths)
      #expect(
        assessment.areas.map(\.possibleHundredths).reduce(0, +) == assessment.possibleHundredths)
      #expect(assessment.areas.map(\.area) == Area.allCases)
    }
  }
}
