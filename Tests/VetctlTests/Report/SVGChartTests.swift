import Foundation
import Testing

@testable import VetctlCore

/// Charts are inline SVG with one bar per value, every number written out, labels escaped and
/// nothing fetched.
@Suite struct SVGChartTests {
  static let bars = [
    SVGChart.Bar(label: "Recommended", value: 12, note: "24.0%", style: "recommended"),
    SVGChart.Bar(label: "Vetted", value: 30, note: "60.0%", style: "vetted"),
    SVGChart.Bar(label: "<script>x</script> & \"q\"", value: 0, style: "\"><bad"),
  ]

  @Test func horizontalBarsDrawEveryBarWithItsNumber() {
    let svg = SVGChart.horizontalBars(Self.bars, title: "Tiers & more")
    #expect(svg.hasPrefix("<svg class=\"chart\""))
    #expect(svg.hasSuffix("</svg>"))
    #expect(occurrences("<rect class=\"bar ", in: svg) == 3)
    #expect(svg.contains(">12 (24.0%)</text>"))
    #expect(svg.contains(">30 (60.0%)</text>"))
    #expect(svg.contains(">0</text>"))
    #expect(svg.contains("<title>Tiers &amp; more</title>"))
    #expect(!svg.contains("<script"))
    #expect(svg.contains("&lt;script&gt;"))
    #expect(svg.contains("class=\"bar bar-bad\""), "a style is reduced to a safe class name")
    #expect(!svg.contains("http"), "no namespace URL or any other reference")
  }

  @Test func theLongestBarFillsThePlotAndOthersScale() throws {
    let svg = SVGChart.horizontalBars(Self.bars, title: "t", width: 680, labelWidth: 250)
    // Plot width 680 - 250 - 170 = 260: 30 → 260, 12 → 104, 0 → 0.
    #expect(svg.contains("width=\"260\" height=\"16\""))
    #expect(svg.contains("width=\"104\" height=\"16\""))
    #expect(svg.contains("width=\"0\" height=\"16\""))
  }

  @Test func columnsDrawAHistogramWithAxis() {
    let buckets = (0..<10).map {
      SVGChart.Bar(label: "\($0 * 10)–\($0 * 10 + 9)", value: Int64($0 % 3), style: "score")
    }
    let svg = SVGChart.columns(buckets, title: "Scores", xLabel: "score")
    #expect(occurrences("<rect class=\"bar bar-score\"", in: svg) == 10)
    #expect(occurrences("<line class=\"grid\"", in: svg) == 3)
    #expect(svg.contains(">score</text>"))
    #expect(svg.contains(">0–9</text>"))
  }

  @Test func emptyChartsSayNone() {
    #expect(SVGChart.horizontalBars([], title: "Flags").contains(">none</text>"))
  }

  @Test(arguments: [
    (Int64(0), Int64(2)), (1, 2), (2, 2), (3, 5), (7, 10), (10, 10), (11, 20), (199, 200),
    (201, 500), (100_001, 200_000),
  ])
  func niceMaximum(_ value: Int64, _ expected: Int64) {
    #expect(SVGChart.niceMaximum(value) == expected)
  }

  private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}
