import Foundation
import Testing

@testable import VettingCore

/// Issue 12 item 8, "Unknown is not 'no'": a list left out of the questionnaire is unknown, an
/// explicit `[]` is the recorded answer "none", and the rubric tells them apart.
@Suite("Unknown, empty and recorded lists in the practice questionnaire")
struct UnknownFactsTests {
  /// A questionnaire whose `practice` is `practice` (a JSON object's text).
  static func decode(practice: String) throws(QuestionnaireError) -> PracticeQuestionnaire {
    try PracticeQuestionnaire.decode(json: Data(#"{"practice":\#(practice)}"#.utf8))
  }

  static func canonical(_ questionnaire: PracticeQuestionnaire) -> String {
    String(decoding: questionnaire.canonicalEncoding(), as: UTF8.self)
  }

  /// The three lists: their group, key and a recorded element.
  static let lists: [(group: String, key: String, element: String)] = [
    ("ethics", "claims", #"{"value":"cure","provenance":"verified-by-staff"}"#),
    ("ethics", "adChannels", #""billboard""#),
    ("home", "formulations", #"{"value":"injection","provenance":"verified-by-staff"}"#),
  ]

  static func list(_ questionnaire: PracticeQuestionnaire, _ key: String) -> Int? {
    switch key {
    case "claims": return questionnaire.practice.ethics.claims?.count
    case "adChannels": return questionnaire.practice.ethics.adChannels?.count
    default: return questionnaire.practice.home.formulations?.count
    }
  }

  @Test(
    "a list left out decodes as unknown, [] as none, a value as recorded", arguments: [0, 1, 2])
  func decodesThreeWays(_ index: Int) throws {
    let (group, key, element) = Self.lists[index]
    let unknown = try Self.decode(practice: #"{"\#(group)":{}}"#)
    let empty = try Self.decode(practice: #"{"\#(group)":{"\#(key)":[]}}"#)
    let recorded = try Self.decode(practice: #"{"\#(group)":{"\#(key)":[\#(element)]}}"#)
    let null = try Self.decode(practice: #"{"\#(group)":{"\#(key)":null}}"#)
    let noGroup = try Self.decode(practice: "{}")
    #expect(Self.list(unknown, key) == nil)
    #expect(Self.list(null, key) == nil)
    #expect(Self.list(noGroup, key) == nil)
    #expect(Self.list(empty, key) == 0)
    #expect(Self.list(recorded, key) == 1)
    #expect(unknown != empty && empty != recorded)

    // Canonical bytes: unknown leaves the key out, [] writes it; both match JSONEncoder and
    // decode back to the same questionnaire.
    #expect(!Self.canonical(unknown).contains(#""\#(key)""#))
    #expect(Self.canonical(empty).contains(#""\#(key)":[]"#))
    for questionnaire in [unknown, empty, recorded] {
      let bytes = questionnaire.canonicalEncoding()
      #expect(bytes == (try CanonicalJSON.foundationEncode(questionnaire)))
      #expect(try PracticeQuestionnaire.decode(json: bytes) == questionnaire)
    }
  }

  @Test("a document written when the lists were required keeps its canonical bytes")
  func requiredEraDocumentKeepsItsBytes() throws {
    let questionnaire = try Self.decode(
      practice: #"""
        {"ethics":{"claims":[],"adChannels":["website"],
                   "marketingReviewed":{"value":true,"provenance":"verified-by-staff"}},
         "home":{"formulations":[{"value":"oral-lozenge","provenance":"self-reported"}]}}
        """#)
    #expect(
      Self.canonical(questionnaire)
        == #"{"acceptingNewPatients":false,"acceptsInsurance":false,"conditionsTreated":[],"#
        + #""insurancePayers":[],"practice":{"ethics":{"adChannels":["website"],"claims":[],"#
        + #""marketingReviewed":{"provenance":"verified-by-staff","value":true}},"#
        + #""home":{"formulations":[{"provenance":"self-reported","value":"oral-lozenge"}]},"#
        + #""integration":{},"safety":{},"screening":{}},"routes":[],"slidingScale":false,"#
        + #""telehealthStates":[]}"#)
  }

  @Test("a group left out scores exactly as it did when its lists defaulted to []")
  func leftOutGroupScoresAsBefore() {
    for vignette in Vignette.all {
      var unknown = vignette.facts
      unknown.practice.ethics = EthicsPractice()
      unknown.practice.home = HomeSupervisionPractice()
      var before = unknown
      before.practice.ethics.claims = []
      before.practice.ethics.adChannels = []
      before.practice.home.formulations = []
      #expect(Fixtures.assess(unknown) == Fixtures.assess(before), "\(vignette.name)")
    }
  }

  @Test("docs/PROFILE.md states each boundary the rubric applies, with the rubric's numbers")
  func profileStatesTheBoundaries() throws {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/PROFILE.md")
    let profile = try String(contentsOf: url, encoding: .utf8)
    for phrase in [
      "shorter than **\(RubricV1.liveVideoMinimumMinutes) minutes**",
      "more than **\(RubricV1.maxHomeDoseMg)** mg",
      "more than **\(RubricV1.maxDosesPerFill)** doses per fill",
      "at least **\(RubricV1.observationMinutes)** minutes",
      "at most **\(RubricV1.integrationWithinHours)** hours",
    ] {
      #expect(profile.contains(phrase), "docs/PROFILE.md does not say \(phrase)")
    }
    let massMarket = AdChannel.allCases.filter(\.isMassMarket).map { "`\($0.rawValue)`" }
    #expect(profile.contains(massMarket.joined(separator: " or ") + " listed (mass-market"))
  }

  @Test("provider facts: unknown and empty lists encode apart, canonical writer = JSONEncoder")
  func factsEncoding() throws {
    var facts = Fixtures.exemplary()
    facts.practice.ethics.claims = nil
    facts.practice.ethics.adChannels = nil
    facts.practice.home.formulations = nil
    let unknown = try facts.canonicalEncoding()
    #expect(unknown == (try CanonicalJSON.foundationEncode(facts.normalized())))
    facts.practice.ethics.claims = []
    facts.practice.ethics.adChannels = []
    facts.practice.home.formulations = []
    let empty = try facts.canonicalEncoding()
    #expect(empty == (try CanonicalJSON.foundationEncode(facts.normalized())))
    #expect(unknown != empty)
    #expect(!String(decoding: unknown, as: UTF8.self).contains(#""claims""#))
    #expect(String(decoding: empty, as: UTF8.self).contains(#""claims":[]"#))
  }

  @Test("claims: unknown earns no credit, [] earns the review's, a claim found earns none")
  func claimsScoring() throws {
    for id in ["ethics.no-outcome-promises", "ethics.accurate-claims"] {
      var facts = Fixtures.exemplary()
      facts.practice.ethics.claims = []
      let empty = try #require(Fixtures.assess(facts).outcome(id))
      #expect(empty.earnedHundredths == empty.possibleHundredths)
      #expect(empty.basis.fact == .marketingReviewed)

      facts.practice.ethics.claims = nil
      let unknown = try #require(Fixtures.assess(facts).outcome(id))
      #expect(unknown.earnedHundredths == 0)
      #expect(unknown.basis.fact == .marketingClaims && unknown.basis.finding == .missing)
      #expect(unknown.reason.contains("not on record"))

      // Without the review on record, the review's reason comes first, as it always did.
      facts.practice.ethics.marketingReviewed = nil
      let neither = try #require(Fixtures.assess(facts).outcome(id))
      #expect(neither.earnedHundredths == 0 && neither.basis.fact == .marketingReviewed)
    }
    var facts = Fixtures.exemplary()
    facts.practice.ethics.claims = [.verified(.cure)]
    let found = Fixtures.assess(facts)
    #expect(found.outcome("ethics.no-outcome-promises")?.earnedHundredths == 0)
    #expect(found.raised("marketing.outcome-promise"))
  }

  @Test("lists: unknown and [] raise no flag, a recorded value does")
  func listFlags() {
    let cases: [(String, (inout ProviderFacts, Bool) -> Void)] = [
      ("marketing.outcome-promise", { $0.practice.ethics.claims = $1 ? [.verified(.cure)] : [] }),
      ("marketing.mass-advertising", { $0.practice.ethics.adChannels = $1 ? [.billboard] : [] }),
      ("home.injections", { $0.practice.home.formulations = $1 ? [.verified(.injection)] : [] }),
      (
        "home.take-home-nasal-spray",
        { $0.practice.home.formulations = $1 ? [.verified(.nasalSpray)] : [] }
      ),
    ]
    for (flag, set) in cases {
      var facts = Fixtures.exemplary()
      set(&facts, false)
      #expect(!Fixtures.assess(facts).raised(flag), "\(flag) raised on []")
      facts.practice.ethics.claims = nil
      facts.practice.ethics.adChannels = nil
      facts.practice.home.formulations = nil
      #expect(!Fixtures.assess(facts).raised(flag), "\(flag) raised on unknown")
      set(&facts, true)
      #expect(Fixtures.assess(facts).raised(flag), "\(flag) not raised on a recorded value")
    }
  }

  /// An attested number as JSON.
  static func minutes(_ value: String) -> String {
    #"{"value":\#(value),"provenance":"self-reported"}"#
  }

  @Test(
    "decoding errors name the path",
    arguments: [
      ("ethics", "claims", #""cure""#, "practice.ethics.claims"),
      (
        "ethics", "claims", #"[{"value":"cures","provenance":"self-reported"}]"#,
        "practice.ethics.claims[0].value"
      ),
      ("ethics", "adChannels", #"["website","tv"]"#, "practice.ethics.adChannels[1]"),
      (
        "home", "formulations", #"[{"value":"oral-lozenge"}]"#,
        "practice.home.formulations[0].provenance"
      ),
      (
        "home", "evaluationBeforePrescribingMinutes", UnknownFactsTests.minutes(#""20""#),
        "practice.home.evaluationBeforePrescribingMinutes.value"
      ),
      (
        "home", "evaluationBeforePrescribingMinutes", UnknownFactsTests.minutes("-5"),
        "practice.home.evaluationBeforePrescribingMinutes.value"
      ),
      (
        "screening", "psychiatricEvaluationMinutes", UnknownFactsTests.minutes("1441"),
        "practice.screening.psychiatricEvaluationMinutes.value"
      ),
      (
        "home", "evaluationMinutes", UnknownFactsTests.minutes("20"),
        "practice.home.evaluationMinutes"
      ),
    ])
  func errorsNamePaths(_ group: String, _ key: String, _ value: String, _ path: String) {
    #expect {
      _ = try Self.decode(practice: #"{"\#(group)":{"\#(key)":\#(value)}}"#)
    } throws: { error in
      (error as? QuestionnaireError)?.path == path
    }
  }
}

/// The boundary between a brief video call and a full live video evaluation, as input data.
@Suite("Brief or live video: the evaluation's length decides")
struct BriefVideoBoundaryTests {
  static let boundary = 31

  static func homeFacts(
    _ mode: EvaluationMode, minutes: Int?, minutesProvenance: Provenance = .verifiedByStaff,
    expires: Day? = nil
  ) -> ProviderFacts {
    var facts = Fixtures.exemplary()
    facts.practice.home.evaluationBeforePrescribing = .verified(mode)
    facts.practice.home.evaluationBeforePrescribingMinutes = minutes.map {
      Attested($0, minutesProvenance, expires: expires)
    }
    return facts
  }

  @Test(
    "home: the flag is raised below the boundary and not at it",
    arguments: [
      (EvaluationMode.liveVideo, 30, true), (.liveVideo, 31, false), (.liveVideo, 0, true),
      (.briefVideo, 30, true), (.briefVideo, 31, false), (.briefVideo, 90, false),
      (.inPerson, 5, false), (.questionnaireOnly, 60, true),
    ])
  func flagAroundTheBoundary(_ mode: EvaluationMode, _ minutes: Int, _ raised: Bool) throws {
    let assessment = Fixtures.assess(Self.homeFacts(mode, minutes: minutes))
    #expect(assessment.raised("home.prescribed-after-brief-contact") == raised)
    let criterion = try #require(assessment.outcome("home.evaluation-before-prescribing"))
    #expect((criterion.earnedHundredths > 0) == !raised)
    if mode.isVideo {
      #expect(criterion.basis.fact == .evaluationBeforePrescribingMinutes)
      #expect(criterion.basis.limit == Self.boundary)
      if raised {
        let flag = try #require(
          assessment.flags.first { $0.flagID == "home.prescribed-after-brief-contact" })
        #expect(flag.reason.contains("\(minutes) min, below the 31 min minimum"))
      }
    }
  }

  @Test(
    "without a length, the mode decides as it always did",
    arguments: [
      (EvaluationMode.liveVideo, false), (.briefVideo, true), (.inPerson, false),
      (.questionnaireOnly, true),
    ])
  func oldInputsKeepTheirMeaning(_ mode: EvaluationMode, _ raised: Bool) throws {
    let assessment = Fixtures.assess(Self.homeFacts(mode, minutes: nil))
    #expect(assessment.raised("home.prescribed-after-brief-contact") == raised)
    let criterion = try #require(assessment.outcome("home.evaluation-before-prescribing"))
    #expect(criterion.basis.fact == .evaluationBeforePrescribing)
    #expect((criterion.earnedHundredths > 0) == !raised)
  }

  @Test("an expired length falls back to the mode")
  func expiredLength() {
    let facts = Self.homeFacts(
      .liveVideo, minutes: 10, expires: Day(year: 2020, month: 1, day: 1)!)
    let assessment = Fixtures.assess(facts)
    #expect(!assessment.raised("home.prescribed-after-brief-contact"))
    #expect(
      assessment.outcome("home.evaluation-before-prescribing")?.basis.fact
        == .evaluationBeforePrescribing)
  }

  @Test("a live length earns the weaker provenance's credit")
  func weakerProvenance() throws {
    let facts = Self.homeFacts(.liveVideo, minutes: 45, minutesProvenance: .selfReported)
    let outcome = try #require(
      Fixtures.assess(facts).outcome("home.evaluation-before-prescribing"))
    #expect(outcome.earnedHundredths * 2 == outcome.possibleHundredths)
    #expect(outcome.basis.provenance == .selfReported)
  }

  @Test(
    "screening: the same boundary decides the psychiatric evaluation",
    arguments: [(30, false), (31, true)])
  func screeningBoundary(_ minutes: Int, _ credited: Bool) throws {
    var facts = Fixtures.exemplary()
    facts.practice.screening.psychiatricEvaluation = .verified(.liveVideo)
    facts.practice.screening.psychiatricEvaluationMinutes = .verified(minutes)
    let outcome = try #require(Fixtures.assess(facts).outcome("screening.psychiatric-evaluation"))
    #expect((outcome.earnedHundredths == outcome.possibleHundredths) == credited)
    #expect(outcome.earnedHundredths == 0 || credited)
    #expect(outcome.basis.fact == .psychiatricEvaluationMinutes)
  }

  @Test("the boundary is stated in the rubric's own text")
  func statedInTheRubric() throws {
    let flag = try #require(
      Rubric.current.flags.first { $0.id == "home.prescribed-after-brief-contact" })
    #expect(flag.condition.contains("shorter than 31 minutes"))
    for id in ["home.evaluation-before-prescribing", "screening.psychiatric-evaluation"] {
      let criterion = try #require(Rubric.current.criteria.first { $0.id == id })
      #expect(criterion.requirement.contains("at least 31 minutes"))
    }
  }

  @Test("the length round-trips through the questionnaire and its canonical bytes")
  func lengthEncoding() throws {
    let questionnaire = try PracticeQuestionnaire.decode(
      json: Data(
        #"""
        {"practice":{"home":{"evaluationBeforePrescribing":{"value":"live-video","provenance":"verified-by-staff"},
          "evaluationBeforePrescribingMinutes":{"value":20,"provenance":"verified-by-staff"}},
          "screening":{"psychiatricEvaluationMinutes":{"value":60,"provenance":"self-reported"}}}}
        """#.utf8))
    #expect(questionnaire.practice.home.evaluationBeforePrescribingMinutes?.value == 20)
    #expect(questionnaire.practice.screening.psychiatricEvaluationMinutes?.value == 60)
    let bytes = questionnaire.canonicalEncoding()
    #expect(bytes == (try CanonicalJSON.foundationEncode(questionnaire)))
    #expect(try PracticeQuestionnaire.decode(json: bytes) == questionnaire)
  }
}
