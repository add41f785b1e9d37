import Foundation
import Testing
import VettingCore

@Suite("Golden encodings: stored bytes stay stable across runs and builds")
struct GoldenEncodingTests {
  /// Tests/VettingCoreTests/Golden, found from this file's path.
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

  /// Set VETTING_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change (which,
  /// for a published rubric version, should not happen).
  static let update = ProcessInfo.processInfo.environment["VETTING_UPDATE_GOLDEN"] == "1"

  static let cases: [(String, Vignette)] = [
    ("life-works-assessment.json", .lifeWorksLozengeKAP),
    ("anesthesia-iv-clinic-assessment.json", .anesthesiaIVClinic),
  ]

  @Test("assessments encode to the committed bytes", arguments: cases.map(\.0))
  func assessmentMatchesGolden(_ file: String) throws {
    let vignette = try #require(Self.cases.first { $0.0 == file }?.1)
    let encoded = try Fixtures.assess(vignette.facts).canonicalEncoding()
    try compare(encoded, file)
  }

  @Test("provider facts encode to the committed bytes")
  func factsMatchGolden() throws {
    try compare(Vignette.lifeWorksLozengeKAP.facts.canonicalEncoding(), "life-works-facts.json")
  }

  func compare(_ encoded: Data, _ file: String) throws {
    let url = Self.directory.appendingPathComponent(file)
    if Self.update {
      try encoded.write(to: url)
    }
    let golden = try Data(contentsOf: url)
    #expect(
      encoded == golden,
      "\(file) differs from the engine's output; if intended, rerun with VETTING_UPDATE_GOLDEN=1")
  }
}
