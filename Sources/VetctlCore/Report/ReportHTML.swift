import Foundation
import VettingAPI

/// The HTML report, piece by piece, as pure functions of the rows and summary (so tests call
/// them directly): a document start with the inline style sheet, a summary page with charts,
/// the provider table (``tableRow(_:linked:)``), a section for each provider `--details` asks
/// for, and the end.
///
/// Every piece of data (names, reasons, flag ids, cities) goes through ``HTMLText/escape(_:)``;
/// section ids are made only of the id's letters, digits and dashes. The document loads
/// nothing and runs one script, ``ReportScript`` (sorting and filtering the provider table): its
/// Content-Security-Policy forbids every fetch and admits that script alone by its hash, so even
/// a viewer that found a way to inject markup would run nothing and follow no reference.
enum ReportHTML {
  /// `<!DOCTYPE html>` through the report's heading.
  static func documentStart(_ context: ReportContext) -> String {
    let title = HTMLText.escape(context.title)
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
      style-src 'unsafe-inline'; img-src data:; script-src \(ReportScript.sourceHash)">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="vetctl report">
      <title>\(title)</title>
      <style>
      \(ReportCSS.text)</style>
      </head>
      <body>
      <header class="report-head">
      <h1>\(title)</h1>
      <p class="meta">Generated \(HTMLText.escape(context.generatedAt)) by vetctl.</p>
      </header>

      """
  }

  /// The first page: what the report covers, the figures, and three charts (tiers, score
  /// histogram, top flags) with the tables behind them.
  static func summaryPage(
    _ summary: Vetting_V1_ReportSummary, context: ReportContext,
    glossary: ReportGlossary = .published, topFlags: Int = 10
  ) -> String {
    var html = "<section class=\"summary-page\" id=\"summary\">\n<h2>Summary</h2>\n"
    let filters =
      context.filters.isEmpty
      ? "none (every listed provider)"
      : context.filters.map { "\(HTMLText.escape($0.label)): \(HTMLText.escape($0.value))" }
        .joined(separator: "; ")
    let mean = summary.assessed > 0 ? String(format: "%.1f", summary.meanScore) : "–"
    html += "<dl class=\"facts\">\n"
    html += fact("As of", InstantText.format(summary.asOf, isSet: summary.hasAsOf))
    html += "<dt>Filters</dt><dd>\(filters)</dd>\n"
    html += fact("Providers", "\(summary.providers)")
    html += fact("Assessed", "\(summary.assessed)")
    html += fact("Not assessed", "\(summary.unassessed)")
    html += fact("Mean score", mean)
    html += fact("Current rubric", summary.currentRubricVersion)
    html += "</dl>\n"

    html += "<div class=\"charts\">\n"
    html += figure(
      "Tier distribution",
      SVGChart.horizontalBars(
        tierBars(summary), title: "Providers by tier", labelWidth: 160))
    html += figure(
      "Score histogram (assessed providers)",
      SVGChart.columns(
        summary.scoreHistogram.map {
          SVGChart.Bar(label: "\($0.min)–\($0.max)", value: $0.count, style: "score")
        }, title: "Providers by score", xLabel: "score"))
    let flags = summary.flags.prefix(topFlags)
    html += figure(
      summary.flags.count > topFlags ? "Top \(topFlags) red flags" : "Red flags",
      SVGChart.horizontalBars(
        flags.map {
          SVGChart.Bar(
            label: $0.flagID, value: $0.count,
            note: "\(severityName($0.severity)), \(percent($0.count, of: summary.providers))",
            style: severityStyle($0.severity))
        }, title: "Providers raising each red flag"))
    html += "</div>\n"

    html += "<h3>Tiers</h3>\n<table class=\"tiers\"><thead><tr><th>Tier</th>"
    html += "<th class=\"num\">Providers</th><th class=\"num\">Share</th></tr></thead><tbody>\n"
    for tier in summary.tiers {
      html +=
        "<tr><td>\(tierTitle(tier.tier))</td><td class=\"num\">\(tier.count)</td>"
        + "<td class=\"num\">\(percent(tier.count, of: summary.providers))</td></tr>\n"
    }
    if summary.unassessed > 0 {
      html +=
        "<tr><td>Not assessed</td><td class=\"num\">\(summary.unassessed)</td>"
        + "<td class=\"num\">\(percent(summary.unassessed, of: summary.providers))</td></tr>\n"
    }
    html += "</tbody></table>\n"

    html += "<h3>Red flags</h3>\n"
    if summary.flags.isEmpty {
      html += "<p>No provider in this report raised a red flag.</p>\n"
    } else {
      html += "<table class=\"flag-table\"><thead><tr><th>Flag</th><th>Severity</th>"
      html += "<th>Raised when</th><th class=\"num\">Providers</th><th class=\"num\">Share</th>"
      html += "</tr></thead><tbody>\n"
      for flag in summary.flags {
        html +=
          "<tr><td><code>\(HTMLText.escape(flag.flagID))</code></td>"
          + "<td class=\"nowrap\">\(severityName(flag.severity))</td>"
          + "<td>\(HTMLText.escape(glossary.flagConditions[flag.flagID] ?? ""))</td>"
          + "<td class=\"num\">\(flag.count)</td>"
          + "<td class=\"num\">\(percent(flag.count, of: summary.providers))</td></tr>\n"
      }
      html += "</tbody></table>\n"
    }
    return html + "</section>\n"
  }

  /// One provider's section: verdict, facts, area scores, red flags with reasons, and every
  /// criterion's result with its reason (from the row's `detail`).
  static func providerSection(
    _ row: Vetting_V1_ReportRow, asOf: String, glossary: ReportGlossary = .published
  ) -> String {
    let anchor = HTMLText.anchor("p-", row.providerID)
    var html = "<section class=\"provider\" id=\"\(anchor)\">\n"
    html +=
      "<h2><span class=\"name\">\(HTMLText.escape(row.name))</span> "
      + "<span class=\"muted\">(\(Vocabulary.name(row.kind)))</span></h2>\n"
    guard row.assessed else {
      html += "<p class=\"verdict\"><span class=\"tier tier-none\">Not assessed</span></p>\n"
      html += "<dl class=\"facts\">\n" + fact("Provider id", row.providerID)
      html += fact("Location", place(row)) + "</dl>\n"
      html += "<p>No assessment was in force at \(HTMLText.escape(asOf)).</p>\n"
      return html + "</section>\n"
    }
    let counts = flagCounts(row.flags)
    html +=
      "<p class=\"verdict\"><span class=\"tier tier-\(Vocabulary.name(row.tier))\">"
      + "\(tierTitle(row.tier))</span> Score <strong>\(row.score)</strong>/100 · "
      + "red flags: \(counts.0) critical, \(counts.1) major, \(counts.2) minor"
      + (row.disqualified
        ? " · <strong>disqualified</strong> (a critical flag: listed after every provider "
          + "without one, whatever the score)" : "")
      + "</p>\n"
    html += "<dl class=\"facts\">\n"
    html += fact("Provider id", row.providerID)
    html += fact("Location", place(row))
    html += fact("Assessment", row.assessmentID)
    html += fact("Assessed at", InstantText.format(row.assessedAt, isSet: row.hasAssessedAt))
    html += fact("Expiry judged on", DayText.format(row.assessmentAsOf))
    html += fact("Rubric", row.rubricVersion)
    html += fact(
      "Evidence on file",
      row.hasCompleteness
        ? "\(row.completeness)% of the applicable points, \(row.openItems) open item"
          + (row.openItems == 1 ? "" : "s") : "not recorded")
    html += "</dl>\n"
    if row.hasDetail, !row.detail.roles.isEmpty {
      html += "<h3>Roles</h3>\n<ul class=\"roles\">\n"
      for role in row.detail.roles {
        let held = [role.medical ? "medical" : nil, role.mentalHealth ? "mental-health" : nil]
          .compactMap { $0 }
        html +=
          "<li><strong>\(HTMLText.escape(role.subject))</strong>"
          + (role.partner ? " (partner)" : "") + ": "
          + (held.isEmpty ? "neither role" : held.joined(separator: " and ") + " role")
          + " — \(HTMLText.escape(role.reason))</li>\n"
      }
      html += "</ul>\n"
    }
    if row.hasDetail, !row.detail.openItems.isEmpty {
      html += "<h3>Open items</h3>\n<ul class=\"open-items\">\n"
      for item in row.detail.openItems { html += "<li>\(HTMLText.escape(item))</li>\n" }
      html += "</ul>\n"
    }

    html += "<h3>Areas</h3>\n<table class=\"areas\"><thead><tr><th>Area</th>"
    html += "<th class=\"num\">Score</th></tr></thead><tbody>\n"
    for area in row.areas {
      html += "<tr><td>\(HTMLText.escape(glossary.areaTitle(area.area)))</td><td class=\"num\">"
      html += area.applicable ? "\(area.score)/100\(meter(Int(area.score)))" : "not applicable"
      html += "</td></tr>\n"
    }
    html += "</tbody></table>\n"

    html += "<h3>Red flags</h3>\n"
    let flags = row.hasDetail && !row.detail.flags.isEmpty ? row.detail.flags : row.flags
    if flags.isEmpty {
      html += "<p>None raised.</p>\n"
    } else {
      html += "<ul class=\"flags\">\n"
      for flag in flags {
        let reason =
          flag.reason.isEmpty ? glossary.flagConditions[flag.flagID] ?? "" : flag.reason
        html +=
          "<li class=\"flag sev-\(severityStyle(flag.severity))\">"
          + "<span class=\"badge\">\(severityName(flag.severity).uppercased())</span>"
          + "<code>\(HTMLText.escape(flag.flagID))</code>"
          + (reason.isEmpty ? "" : " — \(HTMLText.escape(reason))") + "</li>\n"
      }
      html += "</ul>\n"
    }

    html += "<h3>Criteria</h3>\n"
    guard row.hasDetail, !row.detail.criteria.isEmpty else {
      html +=
        "<p class=\"muted\">This assessment was stored without its per-criterion document; "
        + "only the scores and flags above are known.</p>\n"
      return html + "</section>\n"
    }
    html += "<table class=\"criteria\"><thead><tr><th>Criterion</th><th>Result</th>"
    html += "<th class=\"num\">Points</th><th>Reason</th></tr></thead><tbody>\n"
    var currentArea: String?
    for criterion in row.detail.criteria {
      if criterion.area != currentArea {
        currentArea = criterion.area
        html +=
          "<tr class=\"area-row\"><th colspan=\"4\">"
          + "\(HTMLText.escape(glossary.areaTitle(criterion.area)))</th></tr>\n"
      }
      let requirement = glossary.requirements[criterion.criterionID]
      html +=
        "<tr><td><code>\(HTMLText.escape(criterion.criterionID))</code>"
        + (requirement.map { "<br><span class=\"muted\">\(HTMLText.escape($0))</span>" } ?? "")
        + "</td><td class=\"result result-\(Vocabulary.name(criterion.status))\">"
        + "\(statusName(criterion.status))</td>"
        + "<td class=\"num\">\(points(criterion.earnedHundredths))/"
        + "\(points(criterion.possibleHundredths))</td>"
        + "<td>\(HTMLText.escape(criterion.reason))</td></tr>\n"
    }
    html += "</tbody></table>\n"
    return html + "</section>\n"
  }

  /// The footer and the document's end.
  static func documentEnd(_ summary: Vetting_V1_ReportSummary) -> String {
    "<footer class=\"muted\">End of report: \(summary.providers) providers, as of "
      + "\(InstantText.format(summary.asOf, isSet: summary.hasAsOf)).</footer>\n</body>\n</html>\n"
  }

  // MARK: Words

  /// "Recommended", "Vetted", "Conditional", "Incomplete", "Not vetted".
  static func tierTitle(_ tier: Vetting_V1_Tier) -> String {
    switch tier {
    case .recommended: return "Recommended"
    case .vetted: return "Vetted"
    case .conditional: return "Conditional"
    case .incomplete: return "Incomplete"
    case .notVetted: return "Not vetted"
    default: return "Unknown tier"
    }
  }

  static func severityName(_ severity: Vetting_V1_Severity) -> String {
    severity == .unspecified ? "unknown" : Vocabulary.name(severity)
  }

  static func severityStyle(_ severity: Vetting_V1_Severity) -> String {
    severityName(severity)
  }

  static func statusName(_ status: Vetting_V1_OutcomeStatus) -> String {
    switch status {
    case .met: return "met"
    case .partlyMet: return "partly met"
    case .notMet: return "not met"
    case .notApplicable: return "not applicable"
    default: return "unknown"
    }
  }

  /// `part` as a share of `whole`, e.g. `12.5%` (`–` when the whole is 0).
  static func percent(_ part: Int64, of whole: Int64) -> String {
    guard whole > 0 else { return "–" }
    return String(format: "%.1f%%", Double(part) * 100 / Double(whole))
  }

  // MARK: Pieces

  private static func tierBars(_ summary: Vetting_V1_ReportSummary) -> [SVGChart.Bar] {
    var bars = summary.tiers.map {
      SVGChart.Bar(
        label: tierTitle($0.tier), value: $0.count,
        note: percent($0.count, of: summary.providers), style: Vocabulary.name($0.tier))
    }
    if summary.unassessed > 0 {
      bars.append(
        SVGChart.Bar(
          label: "Not assessed", value: summary.unassessed,
          note: percent(summary.unassessed, of: summary.providers), style: "unknown"))
    }
    return bars
  }

  private static func figure(_ caption: String, _ svg: String) -> String {
    "<figure><figcaption>\(HTMLText.escape(caption))</figcaption>\n\(svg)\n</figure>\n"
  }

  private static func fact(_ label: String, _ value: String) -> String {
    "<dt>\(HTMLText.escape(label))</dt><dd>\(HTMLText.escape(value.isEmpty ? "–" : value))</dd>\n"
  }

  static func place(_ row: Vetting_V1_ReportRow) -> String {
    guard !row.state.isEmpty else { return "" }
    return "\(row.city), \(row.state) \(row.postalCode)"
  }

  static func flagCounts(_ flags: [Vetting_V1_RaisedFlag]) -> (Int, Int, Int) {
    (
      flags.filter { $0.severity == .critical }.count,
      flags.filter { $0.severity == .major }.count,
      flags.filter { $0.severity == .minor }.count
    )
  }

  private static func points(_ hundredths: Int32) -> String {
    String(format: "%.2f", Double(hundredths) / 100)
  }

  private static func meter(_ score: Int) -> String {
    let width = max(0, min(100, score))
    return "<svg class=\"meter\" viewBox=\"0 0 100 8\" width=\"100\" height=\"8\" "
      + "aria-hidden=\"true\"><rect class=\"meter-track\" width=\"100\" height=\"8\"/>"
      + "<rect class=\"meter-fill\" width=\"\(width)\" height=\"8\"/></svg>"
  }
}
