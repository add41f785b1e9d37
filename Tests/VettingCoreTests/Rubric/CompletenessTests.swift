import Testing
import VettingCore

/// Completeness apart from failure (rubric 2026.2): the same practice with more of its file on
/// record keeps its flags, rises in completeness, and moves from `incomplete` to the tier its
/// evidence earns; a judged, failing file stays `not-vetted`.
@Suite("Completeness and the incomplete tier")
struct CompletenessTests {
  static let v1 = Rubric.named("2026.1")!
  static let v2 = Rubric.named("2026.2")!

  /// Life Works (seed 003) with its whole file (every open item of the vignette filled in), or
  /// with only the parts named in `keep` on record. Prices are recorded as unpublished in every
  /// version, so each carries the same minor flag.
  static func lifeWorks(keeping keep: Set<String>? = nil) -> ProviderFacts {
    var facts = Vignette.lifeWorksLozengeKAP.facts
    facts.practice.screening.urineToxicology = .verified(true)
    facts.practice.safety.emergencyEquipment = .verified(true)
    facts.practice.safety.pulseOximetry = .verified(true)
    facts.practitioners[0].certifications = [
      Certification(kind: .bls, provenance: .verifiedByStaff, expires: Fixtures.nextYear)
    ]
    if let keep {
      if !keep.contains("ethics") { facts.practice.ethics = EthicsPractice() }
      if !keep.contains("integration") { facts.practice.integration = IntegrationPractice() }
      if !keep.contains("safety") { facts.practice.safety = MedicalSafetyPractice() }
      if !keep.contains("screening") { facts.practice.screening = ScreeningPractice() }
    }
    facts.practice.ethics.pricingPublished = .verified(false)
    return facts
  }

  static func assess(_ facts: ProviderFacts, _ rubric: Rubric = v2) -> Assessment {
    Engine.assess(facts, rubric: rubric, asOf: Fixtures.asOf)
  }

  @Test("30%, 70% and 100% of one file: the same flags, rising completeness, incomplete → judged")
  func fileFillsIn() {
    let third = Self.assess(Self.lifeWorks(keeping: []))
    let most = Self.assess(Self.lifeWorks(keeping: ["screening", "safety"]))
    let whole = Self.assess(Self.lifeWorks())

    #expect((20...40).contains(third.completeness.percent), "\(third.completeness.percent)")
    #expect((60...80).contains(most.completeness.percent), "\(most.completeness.percent)")
    #expect(whole.completeness.percent == 100)
    #expect(whole.completeness.openItems.isEmpty)
    #expect(third.completeness.openItems.count > most.completeness.openItems.count)

    for assessment in [third, most, whole] {
      #expect(assessment.flags.map(\.flagID) == ["ethics.opaque-pricing"])
    }
    #expect(third.tier == .incomplete)
    #expect(most.tier != .incomplete && most.tier != .notVetted, "judged on its evidence")
    #expect(most.tier > whole.tier, "more verified evidence, a better tier")
    #expect(whole.tier == .recommended)
    // 2026.1 cannot tell the thin file from a failing one.
    #expect(Self.assess(Self.lifeWorks(keeping: []), Self.v1).tier == .notVetted)
  }

  @Test("the open items are the applicable criteria with nothing (or lapsed evidence) on record")
  func openItemsNameTheMissingFacts() {
    var facts = Self.lifeWorks()
    facts.practice.screening.urineToxicology = nil
    facts.practitioners[0].certifications = [
      Certification(kind: .bls, provenance: .verifiedByStaff, expires: Fixtures.lastYear)
    ]
    facts.practice.safety.recoverySpace = .verified(false)
    let assessment = Self.assess(facts)
    let open = assessment.completeness.openItems
    #expect(open.map(\.criterionID) == ["screening.urine-toxicology", "safety.certified-staff"])
    #expect(open[0].detail == "screening.urine-toxicology: urine toxicology: not on record")
    #expect(open[1].basis.finding == .expired)
    // Recorded as not done is on file: judged, not open.
    #expect(!open.contains { $0.criterionID.hasPrefix("safety.recovery") })
    let possible = assessment.outcomes.filter { $0.status != .notApplicable }
      .reduce(0) { $0 + $1.possibleHundredths }
    let missing = assessment.outcomes.filter { open.map(\.criterionID).contains($0.criterionID) }
      .reduce(0) { $0 + $1.possibleHundredths }
    #expect(assessment.completeness.applicableHundredths == possible)
    #expect(assessment.completeness.percent == (possible - missing) * 100 / possible)
  }

  @Test("incomplete only when the open items could reach conditional, never with a critical flag")
  func tierPolicy() {
    let policy = Self.v2.tiers
    #expect(policy.separatesIncomplete && !Self.v1.tiers.separatesIncomplete)
    let floor = policy.conditionalMinimum
    #expect(
      policy.tier(score: floor - 10, criticalFlags: 0, majorFlags: 0, reachableScore: floor)
        == .incomplete)
    #expect(
      policy.tier(score: floor - 10, criticalFlags: 0, majorFlags: 0, reachableScore: floor - 1)
        == .notVetted, "judged and failing: even every open item met stays below")
    #expect(
      policy.tier(score: floor - 10, criticalFlags: 1, majorFlags: 0, reachableScore: 100)
        == .notVetted, "a critical flag is a judgement")
    #expect(
      policy.tier(score: floor - 10, criticalFlags: 0, majorFlags: 3, reachableScore: 100)
        == .incomplete)
    #expect(
      policy.tier(score: floor, criticalFlags: 0, majorFlags: 0, reachableScore: 100)
        == .conditional, "evidence on file that already earns a tier is judged on it")
    #expect(
      Self.v1.tiers.tier(score: floor - 10, criticalFlags: 0, majorFlags: 0, reachableScore: 100)
        == .notVetted)
    #expect(Tier.conditional < .incomplete && Tier.incomplete < .notVetted)
  }

  @Test(
    "every vignette: incomplete and not-vetted follow from score, open points and flags",
    arguments: Vignette.all)
  func vignettesAreConsistent(_ vignette: Vignette) {
    let assessment = Self.assess(vignette.facts)
    let conditional = Self.v2.tiers.conditionalMinimum
    let open =
      assessment.completeness.applicableHundredths
      - assessment.completeness.onFileHundredths
    let reachable =
      assessment.possibleHundredths > 0
      ? (assessment.earnedHundredths + open) * 100 / assessment.possibleHundredths : 0
    let critical = assessment.flags.contains { $0.severity == .critical }
    switch assessment.tier {
    case .incomplete:
      #expect(!critical && assessment.score < conditional && reachable >= conditional)
    case .notVetted:
      #expect(critical || reachable < conditional)
    default:
      #expect(assessment.score >= conditional)
    }
    #expect(Self.assess(vignette.facts, Self.v1).tier != .incomplete, "2026.1 has no such tier")
  }
}
