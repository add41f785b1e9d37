import Testing
import VettingCore

@Suite("Provider vignettes from the seed articles and the reference")
struct VignetteTests {
  @Test("there are at least eight vignettes")
  func enoughVignettes() {
    #expect(Vignette.all.count >= 8)
  }

  @Test("each vignette gets its expected tier, flags and score range", arguments: Vignette.all)
  func verdict(_ vignette: Vignette) {
    let assessment = Fixtures.assess(vignette.facts)
    let explanation =
      assessment.flags.map(\.reason)
      + assessment.outcomes
      .filter { $0.status != .met && $0.status != .notApplicable }
      .map { "\($0.criterionID): \($0.reason)" }
    #expect(assessment.tier == vignette.tier, "score \(assessment.score); \(explanation)")
    #expect(Set(assessment.flags.map(\.flagID)) == vignette.flags, "\(explanation)")
    #expect(vignette.score.contains(assessment.score), "score \(assessment.score); \(explanation)")
  }
}
