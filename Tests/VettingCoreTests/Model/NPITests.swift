import Testing
import VettingCore

@Suite("NPI check digit (CMS: Luhn over 80840 + NPI)")
struct NPITests {
  @Test(
    "validation table",
    arguments: [
      ("1234567893", NPI.Validity.valid),
      ("1245319599", .valid),
      ("1003000126", .valid),
      ("2000000002", .valid),
      ("1234567890", .badCheckDigit),
      ("1234567894", .badCheckDigit),
      ("2000000001", .badCheckDigit),
      ("3234567893", .badPrefix),
      ("0000000000", .badPrefix),
      ("123456789", .wrongLength),
      ("12345678931", .wrongLength),
      ("", .wrongLength),
      ("12345678a3", .notDigits),
      ("1234 67893", .notDigits),
      ("１234567893", .notDigits),
    ])
  func table(_ npi: String, _ expected: NPI.Validity) {
    #expect(NPI.validate(npi) == expected)
    #expect(NPI.isValid(npi) == (expected == .valid))
  }

  @Test("exactly one check digit is valid for any nine-digit prefix")
  func oneCheckDigit() {
    var random = SplitMix64(seed: 5)
    for _ in 0..<200 {
      let prefix =
        String(Int.random(in: 1...2, using: &random))
        + (0..<8).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
      let valid = (0...9).filter { NPI.isValid(prefix + String($0)) }
      #expect(valid.count == 1, "\(prefix)")
    }
  }

  @Test("an invalid NPI raises a flag and costs points, never a crash")
  func invalidNPIIsAFlag() throws {
    for bad in ["1234567890", "12345", "abcdefghij", ""] {
      var facts = Fixtures.exemplary()
      facts.practitioners[1].npi = .registry(bad)
      let assessment = Fixtures.assess(facts)
      #expect(assessment.raised("licensure.invalid-npi"))
      let outcome = try #require(assessment.outcome("licensure.valid-npi"))
      #expect(outcome.status == .notMet)
      #expect(outcome.reason.hasPrefix("NPI (Jo Okafor, LMFT): invalid, "), "\(outcome.reason)")
    }
  }
}
