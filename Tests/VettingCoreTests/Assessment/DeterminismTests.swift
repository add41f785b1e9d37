import Foundation
import Testing
import VettingCore

@Suite("Determinism and canonical encodings")
struct DeterminismTests {
  @Test("the same facts, rubric version and day give byte-identical encodings")
  func byteIdentical() throws {
    let generator = SyntheticProviders(seed: 23, around: Fixtures.asOf)
    for _ in 0..<200 {
      let facts = generator.next()
      let first = try Engine.assess(facts, asOf: Fixtures.asOf).canonicalEncoding()
      // Equal facts in fresh storage, rebuilt from their encoding (not normalized).
      let copy = try CanonicalJSON.decode(ProviderFacts.self, from: CanonicalJSON.encode(facts))
      #expect(copy == facts)
      let second = try Engine.assess(copy, asOf: Fixtures.asOf).canonicalEncoding()
      let third = try Engine.assess(facts, asOf: Fixtures.asOf).canonicalEncoding()
      #expect(first == second)
      #expect(first == third)
    }
  }

  @Test("a fixed provider encodes to the same bytes every run")
  func goldenPrefix() throws {
    let data = try Fixtures.assess(Vignette.lifeWorksLozengeKAP.facts).canonicalEncoding()
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\"areas\":[{\"area\":\"licensure\""))
    #expect(text.contains("\"rubricVersion\":\"2026.1\""))
    #expect(text.contains("\"asOf\":\"2026-11-21\""))
    #expect(!text.contains("\\/"))
  }

  @Test("an assessment survives an encode-decode round trip")
  func roundTrip() throws {
    for vignette in Vignette.all {
      let assessment = Fixtures.assess(vignette.facts)
      let decoded = try CanonicalJSON.decode(
        Assessment.self, from: assessment.canonicalEncoding())
      #expect(decoded == assessment)
      #expect(try decoded.canonicalEncoding() == assessment.canonicalEncoding())
    }
  }

  @Test("encoded outcomes and flags carry their reasons")
  func reasonsEncoded() throws {
    let assessment = Fixtures.assess(Vignette.anesthesiaIVClinic.facts)
    let object = try #require(
      JSONSerialization.jsonObject(with: assessment.canonicalEncoding()) as? [String: Any])
    let flags = try #require(object["flags"] as? [[String: Any]])
    #expect(flags.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
    let outcomes = try #require(object["outcomes"] as? [[String: Any]])
    #expect(outcomes.count == Rubric.current.criteria.count)
    #expect(outcomes.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
  }

  @Test("canonical facts do not depend on list order")
  func canonicalFactsOrderIndependent() throws {
    var facts = Fixtures.exemplary()
    facts.practice.ethics.claims = [.verified(.cure), .selfReported(.nonAddictive)]
    var shuffled = facts
    shuffled.practitioners.reverse()
    shuffled.routes.reverse()
    shuffled.practice.ethics.claims?.reverse()
    shuffled.practitioners[0].trainings.reverse()
    #expect(try facts.canonicalEncoding() == shuffled.canonicalEncoding())
    var changed = facts
    changed.practitioners[0].trainings[0].hours += 1
    #expect(try facts.canonicalEncoding() != changed.canonicalEncoding())
  }

  @Test("provider facts survive an encode-decode round trip")
  func factsRoundTrip() throws {
    var facts = Fixtures.exemplary()
    facts.practice.home.maxDoseMg = .verified(nil)
    let decoded = try CanonicalJSON.decode(ProviderFacts.self, from: facts.canonicalEncoding())
    #expect(decoded == facts.normalized())
  }

  @Test("an old rubric version can be looked up by the version stored in an assessment")
  func rubricLookup() throws {
    let assessment = Fixtures.assess(Fixtures.exemplary())
    let rubric = try #require(Rubric.named(assessment.rubricVersion))
    #expect(Engine.assess(Fixtures.exemplary(), rubric: rubric, asOf: Fixtures.asOf) == assessment)
    #expect(Rubric.named("1999.9") == nil)
  }
}
