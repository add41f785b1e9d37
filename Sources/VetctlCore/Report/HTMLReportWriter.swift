import VettingAPI

/// The HTML report. The summary page comes first in the document but last in the stream, so
/// table rows and the sections `details` asks for go to two scratch files as rows arrive, and
/// the document is put together when the summary comes: memory stays flat however many
/// providers there are.
final class HTMLReportWriter: ReportWriter {
  private let file: BufferedFile
  private let index: BufferedFile
  private let sections: BufferedFile
  private let indexPath: String
  private let sectionsPath: String
  private let context: ReportContext
  private let glossary: ReportGlossary
  private let details: ReportDetails
  private var asOf: String
  private var rows = 0

  /// - Parameters:
  ///   - target: gives the scratch files' paths (next to the destination).
  ///   - asOf: the report's instant as text, until the header says it exactly.
  init(
    file: BufferedFile, target: ReportTarget, context: ReportContext, asOf: String,
    details: ReportDetails = .none, glossary: ReportGlossary = .published
  ) throws {
    self.file = file
    indexPath = target.scratch("index")
    sectionsPath = target.scratch("sections")
    index = try BufferedFile(creating: indexPath)
    sections = try BufferedFile(creating: sectionsPath)
    self.context = context
    self.asOf = asOf
    self.glossary = glossary
    self.details = details
  }

  func header(_ header: Vetting_V1_ReportHeader) throws {
    if header.hasAsOf { asOf = InstantText.format(header.asOf, isSet: true) }
  }

  func row(_ row: Vetting_V1_ReportRow) throws {
    let detailed = details.includes(row)
    try index.write(ReportHTML.tableRow(row, linked: detailed))
    if detailed {
      try sections.write(ReportHTML.providerSection(row, asOf: asOf, glossary: glossary))
    }
    rows += 1
  }

  func finish(_ summary: Vetting_V1_ReportSummary) throws {
    try index.flush()
    try sections.flush()
    try file.write(ReportHTML.documentStart(context))
    try file.write(ReportHTML.summaryPage(summary, context: context, glossary: glossary))
    try file.write(ReportHTML.tableStart(rows: rows, details: details))
    try file.append(contentsOf: indexPath)
    try file.write(ReportHTML.tableEnd(rows: rows))
    try file.append(contentsOf: sectionsPath)
    try file.write(ReportHTML.documentEnd(summary))
    try file.sync()
  }

}
