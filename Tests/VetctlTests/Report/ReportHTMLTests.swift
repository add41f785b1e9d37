import Foundation
import Testing
import VettingAPI

@testable import VetctlCore

/// The HTML report's pieces: every provider gets a section with its reasons, hostile names stay
/// text, and the assembled document loads nothing and runs nothing.
@Suite struct ReportHTMLTests {
  @Test(arguments: ReportFixtures.hostileNames)
  func hostileNamesAreEscapedEverywhere(_ name: String) {
    let row = ReportFixtures.assessedRow(name: name)
    for html in [
      ReportHTML.providerSection(row, asOf: "now"), ReportHTML.indexRow(row),
      ReportHTML.providerSection(ReportFixtures.unassessedRow(name: name), asOf: "now"),
    ] {
      #expect(html.contains(HTMLText.escape(name)))
      #expect(!html.contains(name), "the raw name never appears")
      #expect(!html.contains("<script"))
      #expect(!html.contains("<img"))
    }
    let section = ReportHTML.providerSection(row, asOf: "now")
    #expect(occurrences("<section", in: section) == 1)
    #expect(occurrences("</section>", in: section) == 1)
    #expect(occurrences("<h2>", in: section) == 1, "the name did not open another heading")
  }

  @Test func aSectionExplainsEveryCriterionAndFlag() {
    let section = ReportHTML.providerSection(ReportFixtures.assessedRow(), asOf: "now")
    #expect(section.contains("id=\"p-11111111-2222-4333-8444-555555555555\""))
    #expect(section.contains("<span class=\"tier tier-vetted\">Vetted</span>"))
    #expect(section.contains("Score <strong>74</strong>/100"))
    #expect(section.contains("1 major"))
    #expect(section.contains("<td>Licensure</td><td class=\"num\">100/100"))
    #expect(section.contains("<td>At-home supervision</td><td class=\"num\">not applicable"))
    #expect(section.contains("<code>licensure.prescriber-licensed</code>"))
    #expect(section.contains(">met</td>"))
    #expect(section.contains(">not met</td>"))
    #expect(section.contains("8.00/8.00"))
    #expect(section.contains("0.00/6.00"))
    #expect(section.contains("MI MD license &quot;4301098765&quot; active &amp; verified"))
    #expect(section.contains("no &lt;integration&gt; sessions offered"))
    #expect(section.contains("<span class=\"badge\">MAJOR</span>"))
    #expect(section.contains("no integration &lt;sessions&gt; &amp; no referral"))
    #expect(section.contains("2025-02-19T21:20:00.123456Z"))
    #expect(occurrences("<tr class=\"area-row\">", in: section) == 2, "criteria grouped by area")
  }

  @Test func aRowWithoutItsDocumentSaysWhatIsMissing() {
    let section = ReportHTML.providerSection(
      ReportFixtures.assessedRow(details: false), asOf: "now")
    #expect(section.contains("stored without its per-criterion document"))
    #expect(!section.contains("<table class=\"criteria\">"))
    // The flag has no reason without details: the rubric's condition stands in when known.
    #expect(section.contains("<code>integration.no-integration</code>"))
  }

  @Test func anUnassessedRowSaysNoAssessmentWasInForce() {
    let section = ReportHTML.providerSection(
      ReportFixtures.unassessedRow(), asOf: "2025-03-31T23:59:59.999999Z")
    #expect(section.contains("Not assessed"))
    #expect(section.contains("No assessment was in force at 2025-03-31T23:59:59.999999Z."))
    #expect(!section.contains("<table class=\"criteria\">"))
  }

  @Test func theSummaryPageHasFiguresChartsAndTables() {
    let page = ReportHTML.summaryPage(ReportFixtures.summary(), context: ReportFixtures.context)
    #expect(occurrences("<svg class=\"chart\"", in: page) == 3)
    #expect(page.contains("<dt>Providers</dt><dd>5</dd>"))
    #expect(page.contains("<dt>Not assessed</dt><dd>1</dd>"))
    #expect(page.contains("<dt>Mean score</dt><dd>61."))
    #expect(page.contains("<dt>Filters</dt><dd>State: MI</dd>"))
    #expect(page.contains("<tr><td>Vetted</td><td class=\"num\">2</td><td class=\"num\">40.0%"))
    #expect(page.contains("<tr><td>Conditional</td><td class=\"num\">0</td>"))
    #expect(page.contains("<code>&lt;b&gt;unknown&lt;/b&gt;</code>"))
    #expect(!page.contains("<b>"))
    #expect(page.contains(">3</text>"), "the 70–79 bucket's count is drawn")
  }

  @Test func theAssembledDocumentIsSelfContained() throws {
    let rows =
      [ReportFixtures.assessedRow(), ReportFixtures.unassessedRow()]
      + ReportFixtures.hostileNames.enumerated().map { index, name in
        ReportFixtures.assessedRow(
          id: String(format: "00000000-0000-4000-8000-%012d", index), name: name)
      }
    let html = document(rows)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</body>\n</html>\n"))
    for forbidden in ["http://", "https://", "<script", "<link", "@import", "url(", "<img"] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    // Escaped text has no `<`, so every `<...>` is markup the renderer wrote: none loads
    // anything (a hostile name's "src=" is only text).
    let tags = html.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
    #expect(tags.allSatisfy { !$0.contains("src=") && !$0.contains("href=\"http") })
    #expect(tags.count > 100)
    #expect(
      html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
    #expect(html.contains("<title>Q1 &lt;audit&gt; &amp; &quot;review&quot;</title>"))
    #expect(occurrences("<section class=\"provider\"", in: html) == rows.count)
    let anchors = rows.map { HTMLText.anchor("p-", $0.providerID) }
    #expect(quotedValues(after: "<section class=\"provider\" id=\"", in: html) == anchors)
    #expect(Set(quotedValues(after: "<a href=\"#", in: html)).isSuperset(of: anchors))
    #expect(occurrences("<section", in: html) == occurrences("</section>", in: html))
    #expect(occurrences("<table", in: html) == occurrences("</table>", in: html))
    #expect(html.contains("@media print"))
    #expect(html.contains("section.provider { break-before: page;"))
  }

  /// The writer assembles the same document from a stream and leaves no scratch file behind.
  @Test func theWriterStreamsToTheSameDocument() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("vetctl-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("report.html").path
    let rows = [ReportFixtures.assessedRow(), ReportFixtures.unassessedRow()]
    let target = try ReportTarget(path: path)
    let writer = try HTMLReportWriter(
      file: try BufferedFile(creating: target.writingPath), target: target,
      context: ReportFixtures.context, asOf: "now")
    try writer.header(.with { $0.totalRows = 2 })
    for row in rows { try writer.row(row) }
    try writer.finish(ReportFixtures.summary())
    try target.commit()
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == document(rows, asOf: "now"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.html"])
  }

  private func document(_ rows: [Vetting_V1_ReportRow], asOf: String = "now") -> String {
    let summary = ReportFixtures.summary()
    return ReportHTML.documentStart(ReportFixtures.context)
      + ReportHTML.summaryPage(summary, context: ReportFixtures.context) + ReportHTML.indexStart
      + rows.map(ReportHTML.indexRow).joined() + ReportHTML.indexEnd(rows: rows.count)
      + rows.map { ReportHTML.providerSection($0, asOf: asOf) }.joined()
      + ReportHTML.documentEnd(summary)
  }

  private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}
