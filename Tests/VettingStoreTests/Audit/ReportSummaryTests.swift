import Foundation
import Testing
import VettingCore
import VettingStore

@Suite("ReportSummary: buckets, counts and flag order")
struct ReportSummaryTests {
  @Test(
    "scores fall in ten buckets, the last one 90–100",
    arguments: [(0, 0), (9, 0), (10, 1), (49, 4), (50, 5), (89, 8), (90, 9), (99, 9), (100, 9)])
  func bucket(score: Int, bucket: Int) {
    #expect(ReportSummary.bucket(of: score) == bucket)
    #expect(ReportSummary.bucketRange(bucket).contains(score))
  }

  @Test("unassessed rows count as providers only; flags by frequency, then id; each row once")
  func counts() {
    func row(_ tier: Tier?, _ score: Int, _ flags: [String]) -> ReportRow {
      ReportRow(
        providerID: UUID(), kind: .clinic, name: "x", location: nil,
        assessment: tier.map {
          ReportedAssessment(
            id: UUID(), tier: $0, score: score, areaScores: [:], flagIDs: flags,
            criticalFlags: 0, rubricVersion: "2026.1", assessedAt: Date(), asOf: Day(Date()),
            inputHash: "",
            detail: nil)
        })
    }
    var summary = ReportSummary(asOf: Date())
    summary.add(row(.vetted, 72, ["b.flag", "a.flag"]))
    summary.add(row(.notVetted, 10, ["b.flag", "b.flag"]))
    summary.add(row(nil, 0, []))
    summary.add(row(.vetted, 100, ["c.flag"]))
    #expect(summary.providers == 4)
    #expect(summary.assessed == 3)
    #expect(summary.unassessed == 1)
    #expect(summary.tierCounts == [.vetted: 2, .notVetted: 1])
    #expect(summary.histogram == [0, 1, 0, 0, 0, 0, 0, 1, 0, 1])
    #expect(summary.meanScore == 182.0 / 3)
    #expect(summary.flagFrequencies.map(\.flagID) == ["b.flag", "a.flag", "c.flag"])
    #expect(summary.flagFrequencies.map(\.count) == [2, 1, 1])
  }
}
