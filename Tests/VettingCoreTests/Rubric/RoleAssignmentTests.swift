import Testing
import VettingCore

/// The assessment says which professional role each person and partner was counted in, and why
/// (the ethical guidelines' clause 3), from rubric 2026.2 on.
@Suite("Roles: who holds the medical and the mental-health role, and why")
struct RoleAssignmentTests {
  static let v2 = Rubric.named("2026.2")!

  static func roles(_ facts: ProviderFacts) -> [RoleAssignment] {
    Engine.assess(facts, rubric: v2, asOf: Fixtures.asOf).roles ?? []
  }

  @Test("a psychiatrist with psychotherapy training holds both roles, and the reason says so")
  func psychiatristHoldsBoth() {
    var facts = Vignette.psychiatristDosesAndTherapy.facts
    facts.practitioners[0].psychotherapyTraining = .verified(true)
    let roles = Self.roles(facts)
    #expect(roles.count == 1)
    #expect(roles[0].medical && roles[0].mentalHealth && !roles[0].partner)
    #expect(
      roles[0].reason
        == "prescriber (psychiatry); psychiatry with psychotherapy training (verified by staff): "
        + "also counted as therapist")
  }

  @Test("team members and partners: each counted where the flags and criteria count them")
  func teamAndPartners() {
    var facts = Vignette.lifeWorksLozengeKAP.facts
    facts.practitioners.append(
      Practitioner(id: "nurse", name: "Nia Nurse, RN", roles: [.nurse], discipline: .other))
    facts.practitioners.append(
      Practitioner(
        id: "coach", name: "Theo Therapist", roles: [.therapist], discipline: .primaryCare))
    facts.affiliations.append(
      Affiliation(
        partnerName: "Old Therapy Group", role: .therapist, provenance: .verifiedByStaff,
        expires: Fixtures.lastYear))
    let roles = Self.roles(facts)
    #expect(
      roles.map(\.subject) == [
        "Life Works therapist, LPC", "Nia Nurse, RN", "Theo Therapist", "Journey Clinical",
        "Old Therapy Group",
      ])
    #expect(roles.map(\.medical) == [false, false, false, true, false])
    #expect(roles.map(\.mentalHealth) == [true, false, false, false, false])
    #expect(roles.map(\.partner) == [false, false, false, true, true])
    #expect(roles[1].reason == "staff (nurse): not one of the two professional roles")
    #expect(roles[2].reason.contains("primary-care is not a mental-health discipline"))
    #expect(roles[3].reason == "prescriber partner (verified by staff)")
    #expect(roles[4].reason.contains("expired"))
  }

  @Test("2026.1 documents do not carry roles (their stored bytes stay as they were)")
  func previousVersionOmitsThem() throws {
    let facts = Vignette.lifeWorksLozengeKAP.facts
    let old = Engine.assess(facts, rubric: .v1, asOf: Fixtures.asOf)
    #expect(old.roles == nil)
    let text = String(decoding: try old.canonicalEncoding(), as: UTF8.self)
    #expect(!text.contains("\"roles\""))
  }
}
