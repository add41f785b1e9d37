import Testing
import VettingCore

@Suite("Rubric v1 red flags: each raised when its condition holds, not otherwise")
struct RedFlagTests {
  @Test("every flag has a case, and every case names a flag")
  func casesCoverTheRubric() {
    let rubricIDs = Set(Rubric.current.flags.map(\.id))
    let caseIDs = FlagCase.all.map(\.id)
    #expect(Set(caseIDs) == rubricIDs)
    #expect(caseIDs.count == Set(caseIDs).count, "duplicate flag cases")
  }

  @Test(
    "raised when its condition holds, not raised on the exemplary provider", arguments: FlagCase.all
  )
  func raisedAndNot(_ testCase: FlagCase) throws {
    let clean = Fixtures.assess(Fixtures.exemplary())
    #expect(!clean.raised(testCase.id))

    var facts = Fixtures.exemplary()
    testCase.raise(&facts)
    let assessment = Fixtures.assess(facts)
    let flag = try #require(assessment.flags.first { $0.flagID == testCase.id })
    let definition = try #require(Rubric.current.flags.first { $0.id == testCase.id })
    #expect(flag.severity == definition.severity)
    #expect(!flag.reason.isEmpty && !flag.reason.contains("\n"))
    if flag.severity == .critical {
      #expect(assessment.tier == .lowest)
    }
  }

  @Test("a flag about a route is not raised for a provider that does not offer it")
  func routeScopedFlags() {
    var facts = Fixtures.exemplary()
    facts.routes = [.lozengeInOffice]
    facts.practice.home.sitterRequired = .verified(false)
    facts.practice.home.formulations = [.verified(.injection)]
    facts.practice.safety.continuousMonitoring = .verified(false)
    facts.practice.safety.remsCertified = .verified(false)
    let assessment = Fixtures.assess(facts)
    #expect(!assessment.raised("home.no-sitter"))
    #expect(!assessment.raised("home.injections"))
    #expect(!assessment.raised("safety.injections-without-monitoring"))
    #expect(!assessment.raised("safety.esketamine-outside-rems"))
  }

  @Test("a missing fact costs points but raises no flag")
  func missingRaisesNoFlag() {
    var facts = Fixtures.exemplary()
    facts.practice.screening.substanceUseScreened = nil
    facts.practice.integration.integrationSessions = nil
    let assessment = Fixtures.assess(facts)
    #expect(!assessment.raised("screening.no-substance-use-screen"))
    #expect(!assessment.raised("integration.no-integration"))
    #expect(assessment.score < 100)
  }

  @Test("flags are reported most severe first")
  func severityOrder() {
    var facts = Fixtures.exemplary()
    facts.practice.ethics.adChannels = [.billboard]
    facts.practice.ethics.claims = [.verified(.cure)]
    facts.practitioners[0].licenses[0].status = .revoked
    let severities = Fixtures.assess(facts).flags.map(\.severity)
    #expect(severities == severities.sorted())
    #expect(severities.first == .critical)
  }

  @Test("an expired license raises the expired-license flag and loses its points")
  func expiredLicense() throws {
    var facts = Fixtures.exemplary()
    facts.practitioners[0].licenses[0].expires = Fixtures.lastYear
    let assessment = Fixtures.assess(facts)
    #expect(assessment.raised("licensure.license-expired"))
    let outcome = try #require(assessment.outcome("licensure.active-license"))
    #expect(outcome.status == .notMet)
    #expect(
      outcome.reason == "license (Dr. Rosa Ames, MD, MI): expired 2025-11-30 (public registry)")
  }
}
