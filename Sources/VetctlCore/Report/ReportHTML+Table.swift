import VettingAPI

/// The provider table: one compact row per provider (under 1 KB), sortable and filterable in
/// the page by ``ReportScript``. A row's name links to the provider's section when the report
/// has one (`--details`).
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
      <table class="index-table" id="providers"><colgroup><col style="width:20%">\
      <col style="width:10%"><col style="width:14%"><col style="width:12%"><col style="width:6%">\
      <col style="width:6%"><col style="width:8%"><col style="width:14%"><col style="width:10%">\
      </colgroup><thead><tr>\
      <th data-key="name">Provider</th><th data-key="kind">Kind</th>\
      <th data-key="place">Location</th><th data-key="tier" data-type="num">Tier</th>\
      <th data-key="score" data-type="num" class="num">Score</th>\
      <th data-key="completeness" data-type="num" class="num">On file</th>\
      <th data-key="flags" data-type="num" class="num" title="critical/major/minor">Flags \
      (c/m/m)</th>\
      <th data-key="flag-ids">Flag ids</th>\
      <th data-key="assessed" data-type="num">Assessed</th></tr></thead><tbody>

      """
  }

  /// One provider's row. Sort keys that differ from the text are in `data-v`.
  static func tableRow(_ row: Vetting_V1_ReportRow, linked: Bool) -> String {
    let name = HTMLText.escape(row.name)
    let shownName =
      linked ? "<a href=\"#\(HTMLText.anchor("p-", row.providerID))\">\(name)</a>" : name
    var html = "<tr><td>\(shownName)</td><td>\(Vocabulary.name(row.kind))</td>"
    html += "<td>\(HTMLText.escape(place(row)))</td>"
    guard row.assessed else {
      return html
        + "<td data-v=\"9\">not assessed</td><td data-v=\"-1\"></td><td data-v=\"-1\"></td>"
        + "<td data-v=\"-1\"></td><td></td><td data-v=\"0\"></td></tr>\n"
    }
    let counts = flagCounts(row.flags)
    let ids = row.flags.map { HTMLText.escape($0.flagID) }.sorted().joined(separator: " ")
    let completeness = row.hasCompleteness ? "\(row.completeness)%" : ""
    let assessed = row.hasAssessedAt ? row.assessedAt : nil
    html += "<td data-v=\"\(tierRank(row.tier))\">\(tierTitle(row.tier))"
    html += row.disqualified ? " · disqualified</td>" : "</td>"
    html += "<td class=\"num\">\(row.score)</td>"
    html += "<td class=\"num\" data-v=\"\(row.hasCompleteness ? row.completeness : -1)\">"
    html += "\(completeness)</td>"
    html += "<td class=\"num\" data-v=\"\(counts.0 * 1_000_000 + counts.1 * 1_000 + counts.2)\">"
    html += "\(counts.0)/\(counts.1)/\(counts.2)</td><td>\(ids)</td>"
    html += "<td data-v=\"\(assessed?.seconds ?? 0)\">"
    html += "\(assessed.map { InstantText.format($0, isSet: true).prefix(10) } ?? "")</td></tr>\n"
    return html
  }

  /// The table's end (with no provider, a sentence instead), then the script that sorts and
  /// filters it.
  static func tableEnd(rows: Int) -> String {
    (rows == 0
      ? "<tr><td colspan=\"9\">No provider matches this report's filters.</td></tr>\n" : "")
      + "</tbody></table>\n</section>\n" + ReportScript.element
  }

  /// Best first: recommended 0 … not vetted 4 (unassessed rows sort after, as 9).
  static func tierRank(_ tier: Vetting_V1_Tier) -> Int {
    switch tier {
    case .recommended: return 0
    case .vetted: return 1
    case .conditional: return 2
    case .incomplete: return 3
    case .notVetted: return 4
    default: return 8
    }
  }
}
