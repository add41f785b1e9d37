import VettingAPI

/// Writes a report's stream in one format as it arrives: the header first, then each row, then
/// the summary. Not `Sendable`: ``ReportStream`` keeps it behind a lock.
protocol ReportWriter: AnyObject {
  /// The stream's first message.
  func header(_ header: Vetting_V1_ReportHeader) throws
  /// One row, in the server's order.
  func row(_ row: Vetting_V1_ReportRow) throws
  /// The stream's last message: completes the file (scratch files are the target's to remove).
  func finish(_ summary: Vetting_V1_ReportSummary) throws
}
