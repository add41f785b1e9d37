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

  static let cases: [(String, Vignette, String)] = [
    ("life-works-assessment.json", .lifeWorksLozengeKAP, "2026.1"),
    ("anesthesia-iv-clinic-assessment.json", .anesthesiaIVClinic, "2026.1"),
    ("life-works-assessment-2026.2.json", .lifeWorksLozengeKAP, "2026.2"),
    ("anesthesia-iv-clinic-assessment-2026.2.json", .anesthesiaIVClinic, "2026.2"),
  ]

  @Test("assessments encode to the committed bytes, under each version", arguments: cases.map(\.0))
  func assessmentMatchesGolden(_ file: String) throws {
    let (_, vignette, version) = try #require(Self.cases.first { $0.0 == file })
    let rubric = try #require(Rubric.named(version))
    let encoded = try Engine.assess(vignette.facts, rubric: rubric, asOf: Fixtures.asOf)
      .canonicalEncoding()
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
