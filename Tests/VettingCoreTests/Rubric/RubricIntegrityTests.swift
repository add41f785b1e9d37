import Testing
import VettingCore

@Suite("Rubric v1 is well formed")
struct RubricIntegrityTests {
  let rubric = Rubric.current

  @Test("version and lookup")
  func version() {
    #expect(rubric.version == "2026.1")
    #expect(Rubric.named("2026.1")?.criteria.count == rubric.criteria.count)
  }

  @Test("criterion ids are unique, stable-looking and prefixed by their area")
  func criterionIDs() {
    let ids = rubric.criteria.map(\.id)
    #expect(ids.count == Set(ids).count)
    let prefixes: [Area: String] = [
      .licensure: "licensure.", .training: "training.", .screening: "screening.",
      .integration: "integration.", .medicalSafety: "safety.", .atHomeSupervision: "home.",
      .ethicsAndMarketing: "ethics.",
    ]
    for criterion in rubric.criteria {
      #expect(criterion.id.hasPrefix(prefixes[criterion.area]!), "\(criterion.id)")
      #expect(criterion.id.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" })
      #expect(criterion.points > 0)
      #expect(!criterion.sources.isEmpty, "\(criterion.id)")
      #expect(!criterion.evidence.isEmpty && !criterion.requirement.isEmpty)
    }
  }

  @Test("every area has criteria, and criteria are in area order")
  func areas() {
    #expect(Set(rubric.criteria.map(\.area)) == Set(Area.allCases))
    #expect(rubric.criteria.map(\.area) == rubric.criteria.map(\.area).sorted())
  }

  @Test("flag ids are unique; every flag has sources; every severity is used")
  func flags() {
    let ids = rubric.flags.map(\.id)
    #expect(ids.count == Set(ids).count)
    #expect(Set(rubric.flags.map(\.severity)) == Set(Severity.allCases))
    for flag in rubric.flags {
      #expect(!flag.sources.isEmpty, "\(flag.id)")
    }
  }

  @Test(
    "each duty of the ketamine oath's professionals has a criterion",
    arguments: [
      // Mental-health professional: intake and assessment, treatment planning, preparation,
      // support during dosing, integration, psychiatric emergencies.
      "screening.psychiatric-evaluation", "integration.treatment-plan", "integration.preparation",
      "integration.support-during-dosing", "integration.integration-sessions",
      "integration.psychiatric-emergency-plan",
      // Medical professional: physical assessment before, physical safety during, adverse
      // reactions.
      "screening.medical-assessment", "safety.continuous-monitoring", "safety.never-alone",
      "safety.adverse-reaction-protocol", "safety.emergency-equipment",
    ])
  func oathDuties(_ id: String) throws {
    let criterion = try #require(rubric.criteria.first { $0.id == id })
    #expect(!criterion.sources.isEmpty)
  }

  @Test("tier policy: thresholds descend and a critical flag is always the lowest tier")
  func tierPolicy() {
    let tiers = rubric.tiers
    #expect(tiers.recommendedMinimum > tiers.vettedMinimum)
    #expect(tiers.vettedMinimum > tiers.conditionalMinimum)
    for score in 0...100 {
      #expect(tiers.tier(score: score, criticalFlags: 1, majorFlags: 0) == .lowest)
      #expect(tiers.tier(score: score, criticalFlags: 0, majorFlags: 1) >= .vetted)
      #expect(tiers.tier(score: score, criticalFlags: 0, majorFlags: 2) >= .conditional)
    }
    #expect(tiers.tier(score: 100, criticalFlags: 0, majorFlags: 0) == .recommended)
    #expect(tiers.tier(score: 49, criticalFlags: 0, majorFlags: 0) == .notVetted)
  }
}
