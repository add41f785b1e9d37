import Testing
import VettingStore

/// A stored flag id's severity: per the assessment's rubric version when there is one.
@Suite("FlagCatalog: severities by rubric version")
struct FlagCatalogTests {
  @Test("a flag 2026.2 made critical keeps its 2026.1 severity for 2026.1 assessments")
  func severityFollowsTheVersion() {
    let id = "marketing.outcome-promise"
    #expect(FlagCatalog.severity(of: id, version: "2026.1") == .major)
    #expect(FlagCatalog.severity(of: id, version: "2026.2") == .critical)
    #expect(FlagCatalog.severity(of: id) == .major, "the current rubric's (2026.1) wins")
    #expect(FlagCatalog.severity(of: id, version: "1999.9") == .major, "unknown version: default")
    #expect(FlagCatalog.severity(of: "no.such-flag", version: "2026.2") == nil)
  }
}
