import Foundation
import Testing
import VettingAPI

@testable import VetctlCore

/// The HTML report's pieces: a compact table row per provider, a section with its reasons for
/// each provider `--details` asks for, hostile names stay text, and the assembled document
/// loads nothing and runs only its own table script.
@Suite struct ReportHTMLTests {
  @Test(arguments: ReportFixtures.hostileNames)
  func hostileNamesAreEscapedEverywhere(_ name: String) {
    let row = ReportFixtures.assessedRow(name: name)
    for html in [
      ReportHTML.providerSection(row, asOf: "now"), ReportHTML.tableRow(row, linked: true),
      ReportHTML.tableRow(row, linked: false),
      ReportHTML.tableRow(ReportFixtures.unassessedRow(name: name), linked: false),
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
    let html = document(rows, details: .all)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</body>\n</html>\n"))
    for forbidden in ["http://", "https://", "<link", "@import", "url(", "<img"] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    // One script, the table's own, admitted by its hash and by nothing else.
    #expect(occurrences("<script", in: html) == 1)
    #expect(html.contains(ReportScript.element))
    #expect(!ReportScript.source.contains("http"), "the script fetches nothing")
    // Escaped text has no `<`, so every `<...>` is markup the renderer wrote: none loads
    // anything (a hostile name's "src=" is only text).
    let tags = html.split(separator: "<").dropFirst().map { $0.prefix { $0 != ">" } }
    #expect(tags.allSatisfy { !$0.contains("src=") && !$0.contains("href=\"http") })
    #expect(tags.count > 100)
    #expect(
      html.contains(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
          + "script-src \(ReportScript.sourceHash)\""))
    #expect(ReportScript.sourceHash.hasPrefix("'sha256-") && ReportScript.sourceHash.count == 53)
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
      context: ReportFixtures.context, asOf: "now", details: .flagged)
    try writer.header(.with { $0.totalRows = 2 })
    for row in rows { try writer.row(row) }
    try writer.finish(ReportFixtures.summary())
    try target.commit()
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == document(rows, asOf: "now", details: .flagged))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.html"])
  }

  @Test func withoutDetailsEveryProviderIsOneCompactRowAndNoSection() {
    let rows = (0..<50).map { index in
      ReportFixtures.assessedRow(
        id: String(format: "00000000-0000-4000-8000-%012d", index),
        name: "Great Lakes Ketamine & Integration Clinic \(index)")
    }
    let html = document(rows)
    #expect(occurrences("<section class=\"provider\"", in: html) == 0)
    let table = html.components(separatedBy: "id=\"providers\"")[1]
    #expect(occurrences("role=\"row\"", in: table) == 51, "a head and 50 rows")
    #expect(occurrences("<div", in: html) == occurrences("</div>", in: html))
    for row in rows {
      let line = ReportHTML.tableRow(row, linked: false)
      #expect(line.utf8.count < 1_024, "\(line.utf8.count) bytes: \(line)")
      #expect(line.contains("integration.no-integration"), "the flag ids are in the row")
    }
    #expect(html.contains("--details flagged"), "the table says how to get the sections")
  }

  @Test func flaggedDetailsAreExactlyTheProvidersWithACriticalOrMajorFlag() {
    var minorOnly = ReportFixtures.assessedRow(id: "00000000-0000-4000-8000-000000000001")
    minorOnly.flags = minorOnly.flags.map { flag in
      var flag = flag
      flag.severity = .minor
      return flag
    }
    let major = ReportFixtures.assessedRow(id: "00000000-0000-4000-8000-000000000002")
    let unassessed = ReportFixtures.unassessedRow()
    let html = document([minorOnly, major, unassessed], details: .flagged)
    #expect(
      quotedValues(after: "<section class=\"provider\" id=\"", in: html)
        == [HTMLText.anchor("p-", major.providerID)])
    #expect(
      quotedValues(after: "<a href=\"#", in: html) == [HTMLText.anchor("p-", major.providerID)])
  }

  @Test func tiersSortBestFirst() {
    let tiers: [Vetting_V1_Tier] = [.recommended, .vetted, .conditional, .incomplete, .notVetted]
    #expect(tiers.map(ReportHTML.tierRank) == [0, 1, 2, 3, 4])
    #expect(ReportHTML.tierRank(.unspecified) == 8)
  }

  @Test func detailsAreParsedFromTheCommandLine() {
    #expect(ReportDetails(argument: "none") == ReportDetails.none)
    #expect(ReportDetails(argument: "flagged") == .flagged)
    #expect(ReportDetails(argument: "all") == .all)
    #expect(
      ReportDetails(
        argument: "11111111-2222-4333-8444-555555555555, AAAAAAAA-2222-4333-8444-555555555555")
        == .providers([
          "11111111-2222-4333-8444-555555555555", "aaaaaaaa-2222-4333-8444-555555555555",
        ]))
    for bad in ["", "some", "11111111-2222-4333-8444", "flagged,all"] {
      #expect(ReportDetails(argument: bad) == nil, "\(bad)")
    }
  }

  private func document(
    _ rows: [Vetting_V1_ReportRow], asOf: String = "now", details: ReportDetails = .none
  ) -> String {
    let summary = ReportFixtures.summary()
    let start =
      ReportHTML.documentStart(ReportFixtures.context)
      + ReportHTML.summaryPage(summary, context: ReportFixtures.context)
    let table =
      ReportHTML.tableStart(rows: rows.count, details: details)
      + rows.map { ReportHTML.tableRow($0, linked: details.includes($0)) }.joined()
      + ReportHTML.tableEnd(rows: rows.count)
    let sections = rows.filter(details.includes).map {
      ReportHTML.providerSection($0, asOf: asOf)
    }
    return start + table + sections.joined() + ReportHTML.documentEnd(summary)
  }

  private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}
