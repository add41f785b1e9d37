import Foundation

/// Bar charts as inline SVG: no script, no external font or image, no namespace URL (the HTML
/// parser puts `<svg>` in the SVG namespace itself). Every bar carries its number as text, so a
/// chart reads the same printed in black and white; colours come from the page's CSS classes.
enum SVGChart {
  /// One bar.
  struct Bar: Sendable, Equatable {
    /// What it counts (escaped when drawn; cut to fit with the whole text in a tooltip).
    var label: String
    /// Its count.
    var value: Int64
    /// Shown after the count, e.g. `12.5%`.
    var note: String = ""
    /// A CSS class suffix for its colour (`bar-<style>`), e.g. a tier or a severity.
    var style: String = "default"
  }

  /// Horizontal bars, one per line: label, bar, then the count and note.
  static func horizontalBars(
    _ bars: [Bar], title: String, width: Int = 680, labelWidth: Int = 250
  ) -> String {
    let rowHeight = 24
    let top = 8
    let height = top * 2 + max(1, bars.count) * rowHeight
    // Room after the longest bar for its count and note, e.g. "176 (conditional, 58.7%)".
    let plot = Double(width - labelWidth - 170)
    let maximum = max(1, bars.map(\.value).max() ?? 0)
    var svg = open(width: width, height: height, title: title)
    if bars.isEmpty {
      svg += text(x: 8, y: Double(top + 16), anchor: "start", "none", className: "empty")
    }
    let labelCharacters = max(8, (labelWidth - 12) / 7)
    for (index, bar) in bars.enumerated() {
      let y = Double(top + index * rowHeight)
      let length = plot * Double(bar.value) / Double(maximum)
      svg += "<g class=\"row\">"
      if bar.label.count > labelCharacters {
        svg += "<title>\(HTMLText.escape(bar.label))</title>"
      }
      svg += text(
        x: Double(labelWidth - 8), y: y + 16, anchor: "end",
        HTMLText.truncate(bar.label, to: labelCharacters), className: "label")
      svg +=
        "<rect class=\"bar bar-\(HTMLText.anchor("", bar.style))\" x=\"\(labelWidth)\" "
        + "y=\"\(number(y + 4))\" width=\"\(number(length))\" height=\"16\"/>"
      svg += text(
        x: Double(labelWidth) + length + 6, y: y + 16, anchor: "start",
        valueText(bar), className: "value")
      svg += "</g>"
    }
    return svg + "</svg>"
  }

  /// Vertical columns (a histogram): one per bar, its label below, its count above, with a
  /// y axis of three gridlines.
  static func columns(
    _ bars: [Bar], title: String, xLabel: String, width: Int = 680, height: Int = 280
  ) -> String {
    let left = 48.0
    let right = 12.0
    let top = 24.0
    let bottom = 52.0
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let scale = niceMaximum(bars.map(\.value).max() ?? 0)
    var svg = open(width: width, height: height, title: title)
    for step in 0...2 {
      let value = scale * Int64(step) / 2
      let y = top + plotHeight - plotHeight * Double(value) / Double(scale)
      svg +=
        "<line class=\"grid\" x1=\"\(number(left))\" y1=\"\(number(y))\" "
        + "x2=\"\(number(left + plotWidth))\" y2=\"\(number(y))\"/>"
      svg += text(x: left - 6, y: y + 4, anchor: "end", "\(value)", className: "tick")
    }
    let slot = plotWidth / Double(max(1, bars.count))
    for (index, bar) in bars.enumerated() {
      let x = left + slot * Double(index)
      let barHeight = plotHeight * Double(bar.value) / Double(scale)
      let y = top + plotHeight - barHeight
      svg += "<g class=\"column\">"
      svg +=
        "<rect class=\"bar bar-\(HTMLText.anchor("", bar.style))\" x=\"\(number(x + slot * 0.12))\" "
        + "y=\"\(number(y))\" width=\"\(number(slot * 0.76))\" height=\"\(number(barHeight))\"/>"
      svg += text(
        x: x + slot / 2, y: y - 5, anchor: "middle", "\(bar.value)", className: "value")
      svg += text(
        x: x + slot / 2, y: top + plotHeight + 16, anchor: "middle",
        HTMLText.truncate(bar.label, to: max(3, Int(slot / 7))), className: "label")
      svg += "</g>"
    }
    svg +=
      "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" "
      + "x2=\"\(number(left + plotWidth))\" y2=\"\(number(top + plotHeight))\"/>"
    svg += text(
      x: left + plotWidth / 2, y: Double(height) - 8, anchor: "middle", xLabel,
      className: "axis-label")
    return svg + "</svg>"
  }

  /// The smallest of 1, 2 or 5 × 10ⁿ (and at least 2, so the middle gridline is whole) that is
  /// at least `value`: the top of the y axis.
  static func niceMaximum(_ value: Int64) -> Int64 {
    guard value > 2 else { return 2 }
    var magnitude: Int64 = 1
    while true {
      for factor: Int64 in [1, 2, 5] where factor * magnitude >= value {
        return factor * magnitude
      }
      magnitude *= 10
    }
  }

  private static func open(width: Int, height: Int, title: String) -> String {
    "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
      + "height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
      + "<title>\(HTMLText.escape(title))</title>"
  }

  private static func text(
    x: Double, y: Double, anchor: String, _ content: String, className: String
  ) -> String {
    "<text class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y))\" "
      + "text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
  }

  private static func valueText(_ bar: Bar) -> String {
    bar.note.isEmpty ? "\(bar.value)" : "\(bar.value) (\(bar.note))"
  }

  /// A coordinate with at most one decimal, the same on every machine.
  static func number(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    return tenths.truncatingRemainder(dividingBy: 10) == 0
      ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
  }
}
