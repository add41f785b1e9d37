import VettingAPI

/// The CSV report: RFC 4180, a header row, one record per provider (see ``ReportCSV``).
final class CSVReportWriter: ReportWriter {
  private let file: BufferedFile
  private var wroteHeader = false

  init(file: BufferedFile) { self.file = file }

  func header(_ header: Vetting_V1_ReportHeader) throws { try writeHeaderOnce() }

  func row(_ row: Vetting_V1_ReportRow) throws {
    try writeHeaderOnce()
    try file.write(CSVText.record(ReportCSV.cells(row)))
  }

  func finish(_ summary: Vetting_V1_ReportSummary) throws {
    try writeHeaderOnce()
    try file.sync()
  }

  private func writeHeaderOnce() throws {
    guard !wroteHeader else { return }
    wroteHeader = true
    try file.write(CSVText.record(ReportCSV.columns))
  }
}
