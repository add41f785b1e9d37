import Testing
import VettingCore

/// Rubric 2026.2's monitoring, split as the sources split it: pulse oximetry for every on-site
/// route, continuous and cardiac monitoring for IV and IM, and the REMS monitoring (blood
/// pressure before and after, observation) for an esketamine-only practice.
@Suite("Rubric 2026.2: monitoring split by route")
struct RubricV2MonitoringTests {
  static let v1 = Rubric.named("2026.1")!
  static let v2 = Rubric.named("2026.2")!

  static func assess(_ facts: ProviderFacts, _ rubric: Rubric) -> Assessment {
    Engine.assess(facts, rubric: rubric, asOf: Fixtures.asOf)
  }

  /// A REMS-compliant esketamine clinic with no IV-grade monitoring.
  static func remsClinic() -> ProviderFacts {
    var facts = Vignette.spravatoClinic.facts
    facts.practice.safety.continuousMonitoring = .verified(false)
    facts.practice.safety.cardiacMonitoring = nil
    facts.practice.safety.pulseOximetry = .verified(true)
    return facts
  }

  @Test("a REMS-compliant esketamine clinic is not failed for lacking IV-grade monitoring")
  func remsClinicIsJudgedByREMSMonitoring() {
    let facts = Self.remsClinic()
    let before = Self.assess(facts, Self.v1)
    let after = Self.assess(facts, Self.v2)
    #expect(before.outcome("safety.continuous-monitoring")?.status == .notMet)
    #expect(after.outcome("safety.continuous-monitoring")?.status == .notApplicable)
    #expect(after.outcome("safety.cardiac-monitoring")?.status == .notApplicable)
    for id in [
      "safety.pulse-oximetry", "safety.vitals-before", "safety.vitals-after",
      "safety.observation-time",
    ] {
      #expect(after.outcome(id)?.status == .met, "\(id)")
    }
    #expect(after.score > before.score)
    #expect(!after.flags.contains { $0.flagID.hasPrefix("safety.") })
    #expect(after.tier == .recommended)
  }

  @Test("an IV clinic is still held to continuous and cardiac monitoring")
  func injectionsNeedIVGradeMonitoring() {
    var facts = Fixtures.exemplary()
    facts.routes = [.intravenous]
    #expect(Self.assess(facts, Self.v2).outcome("safety.cardiac-monitoring")?.status == .met)
    facts.practice.safety.cardiacMonitoring = .verified(false)
    let noECG = Self.assess(facts, Self.v2)
    #expect(noECG.outcome("safety.cardiac-monitoring")?.status == .notMet)
    #expect(noECG.flags.isEmpty, "no ECG is scored, not flagged: \(noECG.flags.map(\.flagID))")
    facts.practice.safety.continuousMonitoring = .verified(false)
    let unmonitored = Self.assess(facts, Self.v2)
    #expect(unmonitored.outcome("safety.continuous-monitoring")?.status == .notMet)
    #expect(
      unmonitored.flags.first { $0.flagID == "safety.injections-without-monitoring" }?.severity
        == .critical)
  }

  @Test(
    "no pulse oximetry on record is a major flag for every on-site route",
    arguments: [[Route.intravenous], [.lozengeInOffice], [.esketamineREMS]])
  func noPulseOximetry(_ routes: [Route]) {
    var facts = Fixtures.exemplary()
    facts.routes = routes
    facts.practice.safety.pulseOximetry = .selfReported(false)
    let assessment = Self.assess(facts, Self.v2)
    #expect(assessment.outcome("safety.pulse-oximetry")?.status == .notMet)
    #expect(assessment.flags.map(\.flagID) == ["safety.no-pulse-oximetry"])
    #expect(assessment.flags.first?.severity == .major)
    #expect(
      !Self.assess(facts, Self.v1).raised("safety.no-pulse-oximetry"), "2026.1 has no such flag")
  }

  @Test("unknown pulse oximetry costs its points but raises nothing; at home it does not apply")
  func unknownAndAtHome() {
    var facts = Fixtures.exemplary()
    facts.practice.safety.pulseOximetry = nil
    let unknown = Self.assess(facts, Self.v2)
    #expect(unknown.outcome("safety.pulse-oximetry")?.status == .notMet)
    #expect(unknown.flags.isEmpty)
    facts.routes = [.atHome]
    facts.practice.safety.pulseOximetry = .verified(false)
    let home = Self.assess(facts, Self.v2)
    #expect(home.outcome("safety.pulse-oximetry")?.status == .notApplicable)
    #expect(!home.raised("safety.no-pulse-oximetry"))
  }

  @Test("the exemplary provider meets every 2026.2 criterion and raises no flag")
  func exemplaryUnderV2() {
    let assessment = Self.assess(Fixtures.exemplary(), Self.v2)
    #expect(assessment.score == 100)
    #expect(assessment.flags.isEmpty, "\(assessment.flags.map(\.flagID))")
  }
}
