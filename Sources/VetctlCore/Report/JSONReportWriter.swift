import VettingAPI

/// The JSON report: `{"rows": [...], "summary": {...}}` (see ``ReportJSON``), written as rows
/// arrive.
final class JSONReportWriter: ReportWriter {
  private let file: BufferedFile
  private var started = false
  private let details: ReportDetails
  private var rows = 0

  /// - Parameter details: whose rows keep their full assessment (`detail`).
  init(file: BufferedFile, details: ReportDetails = .none) {
    self.file = file
    self.details = details
  }

  func header(_ header: Vetting_V1_ReportHeader) throws { try startOnce() }

  func row(_ row: Vetting_V1_ReportRow) throws {
    try startOnce()
    var row = row
    if !details.includes(row) { row.clearDetail() }
    try file.write(try ReportJSON.row(row, first: rows == 0))
    rows += 1
  }

  func finish(_ summary: Vetting_V1_ReportSummary) throws {
    try startOnce()
    try file.write(try ReportJSON.end(summary, rows: rows))
    try file.sync()
  }

  private func startOnce() throws {
    guard !started else { return }
    started = true
    try file.write(ReportJSON.start)
  }
}
