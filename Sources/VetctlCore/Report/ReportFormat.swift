import ArgumentParser

/// The file formats of `vetctl report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// One self-contained page to hand on: summary with charts, then a section per provider.
  case html
  /// RFC 4180: a header row, one row per provider, CRLF line ends.
  case csv
  /// `{"rows": [...], "summary": {...}}` in proto JSON field names.
  case json

  /// The format named by `path`'s suffix (`.html`/`.htm`, `.csv`, `.json`), if any.
  static func fromSuffix(of path: String) -> ReportFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    if lower.hasSuffix(".csv") { return .csv }
    if lower.hasSuffix(".json") { return .json }
    return nil
  }
}
