import Foundation
import Testing

@testable import VettingCore

/// The fast canonical writer must produce exactly the bytes of the reference `JSONEncoder`
/// (sorted keys, unescaped slashes): stored documents and input hashes depend on them.
@Suite("Canonical JSON: the fast writer matches JSONEncoder byte for byte")
struct CanonicalJSONTests {
  /// `value` through the fast writer; fails the test when it fell back.
  private func fast(_ value: some Encodable) throws -> Data {
    let bytes = try CanonicalEncoder.encode(value)
    #expect(bytes != nil, "the fast writer fell back for \(type(of: value))")
    return Data(bytes ?? [])
  }

  private func same(_ value: some Encodable) throws {
    let reference = try CanonicalJSON.foundationEncode(value)
    let written = try fast(value)
    #expect(
      written == reference,
      """
      \(type(of: value)):
      fast      \(String(decoding: written, as: UTF8.self).prefix(400))
      reference \(String(decoding: reference, as: UTF8.self).prefix(400))
      """)
  }

  @Test("synthetic providers: facts, normalized facts, assessments and questionnaires")
  func syntheticProviders() throws {
    let generator = SyntheticProviders(seed: 7, around: Fixtures.asOf)
    for _ in 0..<500 {
      let facts = generator.next()
      try same(facts)
      try same(facts.normalized())
      let assessment = Engine.assess(facts, asOf: Fixtures.asOf)
      try same(assessment)
      try same(
        PracticeQuestionnaire(
          routes: facts.routes, conditionsTreated: ["depression", "ptsd"],
          insurancePayers: ["Aetna"], pricing: PracticePricing(perSessionUSD: 450),
          telehealthStates: facts.statesServed, acceptingNewPatients: true,
          practice: facts.practice))
      #expect(try facts.canonicalEncoding() == CanonicalJSON.foundationEncode(facts.normalized()))
      let questionnaire = PracticeQuestionnaire(
        routes: facts.routes, conditionsTreated: ["ptsd"], acceptsInsurance: true,
        pricing: PracticePricing(consultationUSD: 150, notes: "sliding \"scale\""),
        telehealthStates: ["MI"], practice: facts.practice)
      #expect(
        questionnaire.canonicalEncoding() == (try CanonicalJSON.foundationEncode(questionnaire)))
    }
  }

  @Test("the direct assessment writer matches Codable, every optional basis member present")
  func assessmentWriter() throws {
    let generator = SyntheticProviders(seed: 11, around: Fixtures.asOf)
    var assessments = (0..<200).map { _ in Engine.assess(generator.next(), asOf: Fixtures.asOf) }
    var full = Fixtures.assess(Vignette.anesthesiaIVClinic.facts)
    let basis = Basis(
      .license, .belowMinimum, detail: "lapsed \"soon\"", number: -3, limit: 120, unit: .minutes,
      provenance: .documentOnFile, date: Fixtures.nextYear, subject: "Dr. Zoë / Ames",
      qualifier: "MI")
    full.outcomes[0].basis = basis
    full.outcomes[0].status = .partlyMet
    full.flags.append(RaisedFlag(flagID: "x.y", severity: .minor, basis: basis))
    full.areas[0].score = nil
    assessments.append(full)
    for assessment in assessments {
      var writer = CanonicalWriter(capacity: 0)
      writer.write(assessment)
      let direct = Data(writer.bytes)
      #expect(direct == (try CanonicalJSON.foundationEncode(assessment)))
    }
  }

  @Test("every vignette's facts and assessment")
  func vignettes() throws {
    for vignette in Vignette.all {
      try same(vignette.facts)
      try same(Fixtures.assess(vignette.facts))
    }
  }

  @Test(
    "strings: escapes, slashes, control characters and non-ASCII",
    arguments: [
      "", "plain", "quote \" and backslash \\", "a/b </script>", "tab\tnew\nline\r\u{8}\u{c}",
      String((0..<0x20).map { Character(Unicode.Scalar($0)!) }), "\u{7f}\u{2028}\u{2029}",
      "é Zoë 漢字 😇", "\\u0000 literally",
    ])
  func strings(text: String) throws {
    try same([text])
    try same(["key \(text)": text])
    var basis = Basis(.license, .affirmed, detail: text, subject: text, qualifier: "MI")
    basis.number = -7
    try same(basis)
  }

  @Test("integers at their limits, booleans, nulls and empty containers")
  func scalars() throws {
    try same([Int.min, Int.max, 0, -1, 10, -10])
    try same([Int8.min, Int8.max])
    try same([UInt64.max])
    try same([true, false])
    let withNulls: [String: Int?] = ["a": nil, "b": 1, "c": nil]
    try same(withNulls)
    try same([[String]]())
    try same([[Int]](repeating: [], count: 3))
    try same([String: [String: Int]]())
    try same(["outer": ["inner": [1, 2]], "empty": [:]])
  }

  @Test("object keys are ordered by Unicode scalar, as .sortedKeys orders them")
  func keyOrder() throws {
    let keys = [
      "b", "B", "a10", "a9", "A", "aB", "ab", "a_b", "a-b", "zz", "é", "e", "flagID", "flags",
    ]
    try same(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
  }

  /// A value the fast writer does not handle: floating point.
  private struct Measured: Encodable {
    var name = "x"
    var value = 0.1
  }

  /// A value using a nested container.
  private struct Nested: Encodable {
    enum Keys: String, CodingKey { case outer, inner }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
      try inner.encode("deep", forKey: .inner)
    }
  }

  @Test("what the fast writer does not handle falls back to JSONEncoder's bytes")
  func fallback() throws {
    #expect(try CanonicalEncoder.encode(Measured()) == nil)
    #expect(try CanonicalJSON.encode(Measured()) == CanonicalJSON.foundationEncode(Measured()))
    #expect(try CanonicalEncoder.encode(Nested()) == nil)
    #expect(try CanonicalJSON.encode(Nested()) == CanonicalJSON.foundationEncode(Nested()))
  }

  /// A value that fails to encode.
  private struct Refusing: Encodable {
    struct Refused: Error {}
    func encode(to encoder: any Encoder) throws { throw Refused() }
  }

  @Test("an encoding error is thrown, not swallowed by the fallback")
  func errors() throws {
    #expect(throws: Refusing.Refused.self) { try CanonicalJSON.encode([Refusing()]) }
  }
}
