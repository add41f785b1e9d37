/// The HTML report's style sheet (inline: the file must stand alone).
///
/// Print rules: the summary and the index each end their page, every provider section starts a
/// page, rows and flags do not split across pages, table headers repeat. Nothing depends on
/// colour alone: tiers, severities and results are words, and every bar has its number.
enum ReportCSS {
  static let text = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", \
    Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1040px; \
    padding: 24px; }
    h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
    h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 2px solid #1a1a1a; \
    padding-bottom: 4px; overflow-wrap: anywhere; }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    p { margin: 6px 0; }
    .meta, .muted { color: #444; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; \
    font-size: 0.92em; overflow-wrap: anywhere; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; \
    margin: 8px 0; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
    th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; \
    overflow-wrap: break-word; }
    .index-table { margin: 6px 0 12px; border-top: 1px solid #999; }
    .index-table .row { display: grid; grid-template-columns: 20% 10% 14% 12% 6% 6% 8% 14% 10%; \
    border: 1px solid #999; border-top: none; }
    .index-table .row[hidden] { display: none; }
    .index-table .rows .row { content-visibility: auto; contain-intrinsic-size: auto 2.8em; }
    .index-table .row > span { padding: 3px 6px; overflow-wrap: break-word; min-width: 0; }
    .index-table .row > span + span { border-left: 1px solid #999; }
    .index-table .head { background: #ececec; font-weight: 600; position: sticky; top: 0; }
    .index-table .num { text-align: right; font-variant-numeric: tabular-nums; }
    .index-table .rows .row > span:nth-child(8) { font-size: 0.85em; }
    .index-table .row > span:nth-child(9) { white-space: nowrap; }
    .index-table .head > span { cursor: pointer; }
    .index-table .head > span[aria-sort="ascending"]::after { content: " \\2191"; }
    .index-table .head > span[aria-sort="descending"]::after { content: " \\2193"; }
    .tools input { font: inherit; padding: 2px 6px; width: 22em; max-width: 100%; }
    td code { white-space: nowrap; }
    td.nowrap { white-space: nowrap; }
    thead th { background: #ececec; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; \
    white-space: nowrap; }
    .charts { display: grid; grid-template-columns: 1fr; gap: 12px; margin: 12px 0; }
    figure { margin: 0; border: 1px solid #bbb; padding: 8px 10px; break-inside: avoid; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
    svg .label, svg .tick, svg .axis-label, svg .empty { fill: #222; }
    svg .value { fill: #000; font-weight: 600; }
    svg .grid { stroke: #ccc; stroke-width: 1; }
    svg .axis { stroke: #000; stroke-width: 1; }
    .bar { fill: #4b5563; stroke: #000; stroke-width: 0.5; }
    .bar-recommended { fill: #166534; }
    .bar-vetted { fill: #65a30d; }
    .bar-conditional { fill: #d97706; }
    .bar-incomplete { fill: #9ca3af; }
    .bar-not-vetted { fill: #991b1b; }
    .bar-critical { fill: #991b1b; }
    .bar-major { fill: #ea580c; }
    .bar-minor { fill: #a3a3a3; }
    .bar-unknown { fill: #d4d4d4; }
    .bar-score { fill: #1e3a8a; }
    .tier { display: inline-block; border: 2px solid #000; padding: 0 8px; font-weight: 700; }
    .tier-not-vetted, .tier-none { border-style: dashed; }
    .tier-incomplete { border-style: dotted; }
    .badge { display: inline-block; border: 1px solid #000; padding: 0 4px; font-size: 11px; \
    font-weight: 700; letter-spacing: 0.03em; margin-right: 4px; }
    .sev-critical .badge { border-width: 2px; }
    ul.flags { list-style: none; padding: 0; margin: 4px 0; }
    ul.flags li { margin: 4px 0; overflow-wrap: anywhere; }
    .criteria .area-row th { background: #f3f3f3; }
    table.areas { width: auto; min-width: 50%; }
    .result { white-space: nowrap; font-weight: 600; }
    .result-not-met { text-decoration: underline; }
    svg.meter { vertical-align: middle; margin-left: 8px; }
    svg.meter .meter-track { fill: #fff; stroke: #000; stroke-width: 0.5; }
    svg.meter .meter-fill { fill: #374151; }
    section.provider { margin-top: 36px; }
    .verdict { font-size: 16px; }
    footer { margin-top: 32px; border-top: 1px solid #999; padding-top: 6px; }
    @page { size: A4; margin: 14mm 12mm 16mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; color: #000; }
      .summary-page, .index { break-after: page; }
      .tools { display: none; }
      .index-table .rows .row { break-inside: avoid; }
      section.provider { break-before: page; margin-top: 0; }
      h2, h3 { break-after: avoid; }
      tr, li, figure, dl.facts { break-inside: avoid; }
      thead { display: table-header-group; }
      a { color: #000; text-decoration: none; }
      thead th, .criteria .area-row th { background: none; border-bottom: 2px solid #000; }
      .meta, .muted { color: #000; }
    }

    """
}
