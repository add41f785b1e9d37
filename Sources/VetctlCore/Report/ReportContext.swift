/// What an HTML report says about itself besides the rows: its title, the filters it was run
/// with and when it was made.
struct ReportContext: Sendable {
  /// The heading, e.g. "Vetting report".
  var title: String
  /// The filters as label/value pairs (`State` / `MI`), empty when the whole directory.
  var filters: [(label: String, value: String)]
  /// When vetctl made the file (the client's clock), as text.
  var generatedAt: String
}
