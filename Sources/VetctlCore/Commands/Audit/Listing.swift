/// A listing with every column for `csv` and `json` and a narrower choice for `table`, where
/// long values (JSON records, ids) would make the lines unreadable.
struct Listing: Sendable {
  /// Every column, in order.
  var table: Table
  /// The columns `table` output shows, in order (each one of `table.columns`).
  var brief: [String]

  /// The text in `format`.
  func render(_ format: OutputFormat) -> String {
    guard format == .table else { return table.render(format) }
    let indexes = brief.compactMap { table.columns.firstIndex(of: $0) }
    let narrow = Table(
      columns: indexes.map { table.columns[$0] },
      rows: table.rows.map { row in indexes.map { $0 < row.count ? row[$0] : "" } })
    return narrow.render(.table)
  }
}
