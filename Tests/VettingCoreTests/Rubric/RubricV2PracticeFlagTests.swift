import Testing
import VettingCore

/// Rubric 2026.2's flags for practices recorded as not done: raised on a recorded "no", never
/// on a missing fact, and absent from 2026.1.
@Suite("Rubric 2026.2: flags for practices recorded as not done")
struct RubricV2PracticeFlagTests {
  static let v1 = Rubric.named("2026.1")!
  static let v2 = Rubric.named("2026.2")!

  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let severity: Severity
    /// The recorded value that raises the flag (false: a practice recorded as not done).
    var raisedBy = false
    let record: @Sendable (inout ProviderFacts, Bool?) -> Void
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "home.no-prescriber-follow-up", severity: .major) { facts, value in
      facts.practice.home.faceToFaceFollowUps = value.map { .verified($0) }
    },
    Case(id: "integration.no-support-during-dosing", severity: .major) { facts, value in
      facts.practice.integration.supportDuringDosing = value.map { .selfReported($0) }
    },
    Case(id: "training.therapist-no-ketamine-training", severity: .minor) { facts, value in
      facts.practice.integration.therapistsKetamineTrained = value.map { .document($0) }
    },
    Case(id: "ethics.non-refundable-package", severity: .minor) { facts, value in
      facts.practice.ethics.prepaidPackagesRefundable = value.map { .verified($0) }
    },
    Case(id: "marketing.targets-excluded-conditions", severity: .critical, raisedBy: true) {
      facts, value in
      facts.practice.ethics.advertisesExcludedConditions = value.map { .verified($0) }
    },
  ]

  static func flags(_ facts: ProviderFacts, _ rubric: Rubric) -> [RaisedFlag] {
    Engine.assess(facts, rubric: rubric, asOf: Fixtures.asOf).flags
  }

  @Test("raised under 2026.2 when recorded, with its severity", arguments: cases)
  func raisedWhenRecorded(_ testCase: Case) throws {
    var facts = Fixtures.exemplary()
    testCase.record(&facts, testCase.raisedBy)
    let raised = Self.flags(facts, Self.v2)
    #expect(raised.map(\.flagID) == [testCase.id])
    #expect(raised.first?.severity == testCase.severity)
    #expect(raised.first?.reason.isEmpty == false)
    #expect(Self.flags(facts, Self.v1).isEmpty, "2026.1 has no such flag")
    let definition = try #require(Self.v2.flags.first { $0.id == testCase.id })
    #expect(Self.v2.changes.contains { $0.id == testCase.id && !$0.sources.isEmpty })
    #expect(!definition.sources.isEmpty)
  }

  @Test("not raised when the fact is missing or recorded as done", arguments: cases)
  func notRaisedOtherwise(_ testCase: Case) {
    for value in [nil, !testCase.raisedBy] as [Bool?] {
      var facts = Fixtures.exemplary()
      testCase.record(&facts, value)
      #expect(!Self.flags(facts, Self.v2).contains { $0.flagID == testCase.id }, "\(value as Any)")
    }
  }

  @Test("advertising for an excluded condition disqualifies whatever the points")
  func excludedConditionsDisqualify() {
    var facts = Fixtures.exemplary()
    facts.practice.ethics.advertisesExcludedConditions = .selfReported(true)
    let assessment = Engine.assess(facts, rubric: Self.v2, asOf: Fixtures.asOf)
    #expect(assessment.score == 100, "no criterion scores it; the flag decides")
    #expect(assessment.tier == .notVetted)
  }

  @Test("a package merely offered is no pressure; one that must be bought or is kept is")
  func packages() {
    var facts = Fixtures.exemplary()
    facts.practice.ethics.bundlesRequired = .verified(false)
    facts.practice.ethics.prepaidPackagesRefundable = .verified(true)
    #expect(Self.flags(facts, Self.v2).isEmpty)
    facts.practice.ethics.prepaidPackagesRefundable = .verified(false)
    #expect(Self.flags(facts, Self.v2).map(\.flagID) == ["ethics.non-refundable-package"])
    facts.practice.ethics.bundlesRequired = .verified(true)
    #expect(
      Set(Self.flags(facts, Self.v2).map(\.flagID))
        == ["ethics.non-refundable-package", "ethics.bundle-pressure"])
  }

  @Test("no prescriber follow-up is about home prescriptions only")
  func followUpNeedsHomeUse() {
    var facts = Fixtures.exemplary()
    facts.routes = [.intravenous]
    facts.practice.home.faceToFaceFollowUps = .verified(false)
    #expect(!Self.flags(facts, Self.v2).contains { $0.flagID == "home.no-prescriber-follow-up" })
  }
}
