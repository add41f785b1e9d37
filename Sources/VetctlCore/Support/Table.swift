import Foundation

/// Rows of named text columns, printable as an aligned table, JSON or CSV.
struct Table: Sendable {
  /// Column names (JSON keys, CSV header).
  var columns: [String]
  /// One array of cells per row, in column order.
  var rows: [[String]]

  init(columns: [String], rows: [[String]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// The text of the table in `format`, ending with a newline (empty table: header only).
  func render(_ format: OutputFormat) -> String {
    switch format {
    case .table: return renderTable()
    case .csv: return renderCSV()
    case .json: return renderJSON()
    case .id: return renderIDs()
    }
  }

  /// The `id` column (the first column when there is none), one value per line.
  private func renderIDs() -> String {
    let index = columns.firstIndex(of: "id") ?? 0
    return rows.map { index < $0.count ? $0[index] + "\n" : "\n" }.joined()
  }

  private func renderTable() -> String {
    var widths = columns.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == cells.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    var text = line(columns.map { $0.uppercased() }) + "\n"
    for row in rows { text += line(row) + "\n" }
    return text
  }

  private func renderCSV() -> String {
    func escape(_ cell: String) -> String {
      guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
        return cell
      }
      return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var text = columns.map(escape).joined(separator: ",") + "\n"
    for row in rows { text += row.map(escape).joined(separator: ",") + "\n" }
    return text
  }

  private func renderJSON() -> String {
    let objects = rows.map { row in
      Dictionary(uniqueKeysWithValues: zip(columns, row))
    }
    return JSONText.encode(objects) + "\n"
  }
}
