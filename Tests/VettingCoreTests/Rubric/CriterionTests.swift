import Testing
import VettingCore

@Suite("Rubric v1 criteria: each met on the exemplary provider, not met when broken")
struct CriterionTests {
  @Test("every criterion has a case, and every case names a criterion")
  func casesCoverTheRubric() {
    let rubricIDs = Set(Rubric.current.criteria.map(\.id))
    let caseIDs = CriterionCase.all.map(\.id)
    #expect(Set(caseIDs) == rubricIDs)
    #expect(caseIDs.count == Set(caseIDs).count, "duplicate criterion cases")
  }

  @Test("the exemplary provider meets every criterion with full points")
  func exemplaryMeetsEverything() throws {
    let assessment = Fixtures.assess(Fixtures.exemplary())
    for outcome in assessment.outcomes {
      #expect(outcome.status == .met, "\(outcome.criterionID): \(outcome.reason)")
      #expect(outcome.earnedHundredths == outcome.possibleHundredths)
    }
    #expect(assessment.score == 100)
    #expect(assessment.flags.isEmpty, "\(assessment.flags.map(\.reason))")
    #expect(assessment.tier == .recommended)
  }

  @Test("met on the exemplary provider, not met when broken", arguments: CriterionCase.all)
  func metAndNotMet(_ testCase: CriterionCase) throws {
    let met = try #require(Fixtures.assess(Fixtures.exemplary()).outcome(testCase.id))
    #expect(met.status == .met, "\(met.reason)")
    #expect(met.earnedHundredths == met.possibleHundredths)

    var facts = Fixtures.exemplary()
    testCase.breakIt(&facts)
    let broken = try #require(Fixtures.assess(facts).outcome(testCase.id))
    #expect(broken.status == .notMet, "\(broken.reason)")
    #expect(broken.earnedHundredths == 0)
    #expect(broken.possibleHundredths > 0)
    #expect(!broken.reason.isEmpty && !broken.reason.contains("\n"))
  }

  @Test(
    "partly met with partial points when the evidence is only self-reported or on file",
    arguments: CriterionCase.all.filter { $0.weaken != nil })
  func partlyMet(_ testCase: CriterionCase) throws {
    var facts = Fixtures.exemplary()
    testCase.weaken!(&facts)
    let outcome = try #require(Fixtures.assess(facts).outcome(testCase.id))
    #expect(outcome.status == .partlyMet, "\(outcome.reason)")
    #expect(outcome.earnedHundredths > 0 && outcome.earnedHundredths < outcome.possibleHundredths)
    #expect(outcome.reason.contains("% credit"), "\(outcome.reason)")
  }

  @Test(
    "self-reported evidence earns half the points, a document on file three quarters",
    arguments: [(Provenance.selfReported, 50), (.documentOnFile, 75), (.verifiedByStaff, 100)])
  func creditByProvenance(_ provenance: Provenance, _ percent: Int) throws {
    var facts = Fixtures.exemplary()
    facts.practice.screening.psychiatricEvaluation = Attested(.inPerson, provenance)
    let outcome = try #require(Fixtures.assess(facts).outcome("screening.psychiatric-evaluation"))
    #expect(outcome.earnedHundredths == outcome.possibleHundredths * percent / 100)
  }

  @Test("expired evidence earns nothing, and the reason names the expiry")
  func expiredEarnsNothing() throws {
    var facts = Fixtures.exemplary()
    facts.practice.safety.vitalsBefore = .verified(true, expires: Fixtures.lastYear)
    let outcome = try #require(Fixtures.assess(facts).outcome("safety.vitals-before"))
    #expect(outcome.status == .notMet)
    #expect(outcome.reason == "vitals before dosing: expired 2025-11-30 (verified by staff)")
  }

  @Test("evidence is good through its expiry day and lapses the day after")
  func expiryBoundary() throws {
    var facts = Fixtures.exemplary()
    facts.practice.safety.vitalsBefore = .verified(true, expires: Fixtures.asOf)
    let onTheDay = try #require(Fixtures.assess(facts).outcome("safety.vitals-before"))
    #expect(onTheDay.status == .met)
    let dayAfter = try #require(
      Fixtures.assess(facts, asOf: Fixtures.asOf.advanced(byDays: 1)).outcome(
        "safety.vitals-before"))
    #expect(dayAfter.status == .notMet)
  }

  @Test("at-home criteria do not apply to a provider that does not prescribe for home use")
  func atHomeNotApplicable() throws {
    var facts = Fixtures.exemplary()
    facts.routes = [.intravenous]
    let assessment = Fixtures.assess(facts)
    for outcome in assessment.outcomes where outcome.area == .atHomeSupervision {
      #expect(outcome.status == .notApplicable)
      #expect(outcome.possibleHundredths == 0)
      #expect(outcome.reason.contains("providers prescribing for home use"))
    }
    #expect(assessment.areas.first { $0.area == .atHomeSupervision }?.score == nil)
    #expect(assessment.score == 100)
  }

  @Test("in-clinic monitoring criteria do not apply to a home-only prescriber")
  func onSiteNotApplicable() throws {
    var facts = Fixtures.exemplary()
    facts.routes = [.atHome]
    let assessment = Fixtures.assess(facts)
    for outcome in assessment.outcomes where outcome.area == .medicalSafety {
      #expect(outcome.status == .notApplicable, "\(outcome.criterionID)")
    }
  }

  @Test("reasons name the facts used")
  func reasonsNameFacts() throws {
    var facts = Fixtures.exemplary()
    facts.practice.safety.observationMinutes = .verified(60)
    facts.practitioners[1].trainings[0].hours = 20
    let assessment = Fixtures.assess(facts)
    #expect(
      assessment.outcome("safety.observation-time")?.reason
        == "observation time: 60 min, below the 120 min minimum (verified by staff)")
    #expect(
      assessment.outcome("training.therapist-kap-hours")?.reason
        == "KAP training (Jo Okafor, LMFT): 20 h, below the 40 h minimum")
    #expect(
      assessment.outcome("licensure.active-license")?.reason
        == "license (Dr. Rosa Ames, MD, MI): active (public registry, expires 2027-11-30)")
  }
}
