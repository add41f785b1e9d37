import VettingAPI
import VettingCore

/// The provider table: one compact row per provider (under 1 KB), sortable and filterable in
/// the page by ``ReportScript``. A row's name links to the provider's section when the report
/// has one (`--details`).
///
/// Rows are grid-laid `div`s with ARIA table roles, not `<tr>`s: each row has
/// `content-visibility: auto`, so the browser lays out and paints only the rows on screen. With
/// 100,000 rows a cold headless Chromium drew the report with a `<table>` in 36–59 s and with
/// this grid in 19.5 s (docs/PERFORMANCE.md).
extension ReportHTML {
  /// The table's start: a heading, the filter box (shown by the script) and the column heads.
  /// `data-key` names a column in `#sort=KEY`; `data-type="num"` sorts it by number.
  static func tableStart(rows: Int, details: ReportDetails) -> String {
    let note: String
    switch details {
    case .none:
      note =
        "Every criterion's result and reason is in a provider's section: run the report "
        + "again with <code>--details flagged</code> or <code>--details ID,…</code>."
    case .flagged: note = "Providers with a critical or major flag link to their section below."
    case .all: note = "Every provider links to its section below."
    case .providers: note = "The providers asked for with --details link to their section below."
    }
    return """
      <section class="index" id="index">
      <h2>Providers</h2>
      <p class="muted">\(note)</p>
      <p id="provider-tools" class="tools" hidden><label>Filter \
      <input id="provider-filter" type="search" placeholder="name, place, tier, flag…"></label> \
      <span id="provider-count" class="muted"></span><span class="muted">; click a column \
      heading to sort.</span></p>
      <div class="index-table" id="providers" role="table" aria-label="Providers">
      <div class="row head" role="row">\
      <span role="columnheader" data-key="name">Provider</span>\
      <span role="columnheader" data-key="kind">Kind</span>\
      <span role="columnheader" data-key="place">Location</span>\
      <span role="columnheader" data-key="tier" data-type="num">Tier</span>\
      <span role="columnheader" data-key="score" data-type="num" class="num">Score</span>\
      <span role="columnheader" data-key="completeness" data-type="num" class="num">On file</span>\
      <span role="columnheader" data-key="flags" data-type="num" class="num" \
      title="critical/major/minor">Flags (c/m/m)</span>\
      <span role="columnheader" data-key="flag-ids">Flag ids</span>\
      <span role="columnheader" data-key="assessed" data-type="num">Assessed</span></div>
      <div class="rows" role="rowgroup">

      """
  }

  /// One provider's row. Sort keys that differ from the text are in `data-v`.
  static func tableRow(_ row: Vetting_V1_ReportRow, linked: Bool) -> String {
    let name = HTMLText.escape(row.name)
    let shownName =
      linked ? "<a href=\"#\(HTMLText.anchor("p-", row.providerID))\">\(name)</a>" : name
    var html = "<div class=\"row\" role=\"row\">" + cell(shownName)
    html += cell(Vocabulary.name(row.kind)) + cell(HTMLText.escape(place(row)))
    guard row.assessed else {
      return html + cell("not assessed", key: "9") + cell("", key: "-1", numeric: true)
        + cell("", key: "-1", numeric: true) + cell("", key: "-1", numeric: true) + cell("")
        + cell("", key: "0") + "</div>\n"
    }
    let counts = flagCounts(row.flags)
    let ids = row.flags.map { HTMLText.escape($0.flagID) }.sorted().joined(separator: " ")
    let assessed = row.hasAssessedAt ? row.assessedAt : nil
    html += cell(
      tierTitle(row.tier) + (row.disqualified ? " · disqualified" : ""),
      key: "\(tierRank(row.tier))")
    html += cell("\(row.score)", numeric: true)
    html += cell(
      row.hasCompleteness ? "\(row.completeness)%" : "",
      key: "\(row.hasCompleteness ? row.completeness : -1)", numeric: true)
    html += cell(
      "\(counts.0)/\(counts.1)/\(counts.2)",
      key: "\(counts.0 * 1_000_000 + counts.1 * 1_000 + counts.2)", numeric: true)
    html += cell(ids)
    html += cell(
      assessed.map { String(InstantText.format($0, isSet: true).prefix(10)) } ?? "",
      key: "\(assessed?.seconds ?? 0)")
    return html + "</div>\n"
  }

  /// The table's end (with no provider, a sentence instead), then the script that sorts and
  /// filters it.
  static func tableEnd(rows: Int) -> String {
    (rows == 0
      ? "<p class=\"muted\">No provider matches this report's filters.</p>\n" : "")
      + "</div>\n</div>\n</section>\n" + ReportScript.element
  }

  /// The tier's place in VettingCore's order, best first: recommended 0 … not vetted 4 (8 for a
  /// tier this vetctl does not know; unassessed rows sort after, as 9).
  static func tierRank(_ tier: Vetting_V1_Tier) -> Int {
    Tier(rawValue: Vocabulary.name(tier)).flatMap { Tier.allCases.firstIndex(of: $0) } ?? 8
  }

  /// One cell: `html` is already escaped; `key` is the sort key when it differs from the text.
  private static func cell(_ html: String, key: String? = nil, numeric: Bool = false) -> String {
    "<span role=\"cell\"\(numeric ? " class=\"num\"" : "")"
      + "\(key.map { " data-v=\"\($0)\"" } ?? "")>\(html)</span>"
  }
}
