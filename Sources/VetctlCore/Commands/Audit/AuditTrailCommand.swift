import ArgumentParser
import VettingAPI

/// `vetctl audit-trail`: every change to one provider and every assessment of it.
struct AuditTrailCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit-trail",
    abstract: "List every change to a provider and every assessment of it, oldest first.",
    discussion: """
      From Audit/GetAuditTrail (roles auditor and admin). Each entry says who (actor), when, \
      what (action, entity) and how: the table's changes column shows each changed field as \
      before → after; --output csv or json add the whole records before and after (JSON), the \
      token id and the request id. Days given to --since/--until are UTC (--since from the \
      start of the day, --until through its end).
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The clinic or practitioner id.") var providerID: String
  @Option(
    help: ArgumentHelp(
      "Only entries at or after this day or instant (YYYY-MM-DD or 2025-03-31T12:00:00Z).",
      valueName: "when"))
  var since: String?
  @Option(
    help: ArgumentHelp(
      "Only entries before this instant (a day: through its end).", valueName: "when"))
  var until: String?
  @OptionGroup var stream: StreamTimeoutOptions

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_GetAuditTrailRequest()
      request.providerID = providerID
      if let since { request.since = try InstantText.parse(since, option: "--since", day: .start) }
      if let until { request.until = try InstantText.parse(until, option: "--until", day: .end) }
      let options = try stream.callOptions()
      let rows = Collected<[String]>()
      try await server.withClient { client in
        try await client.getAuditTrail(request, options: options) {
          rows.append(AuditEntryFields.row($0))
        }
      }
      Printer.write(
        Listing(
          table: Table(columns: AuditEntryFields.columns, rows: rows.all),
          brief: AuditEntryFields.brief
        ).render(output.output))
    }
  }
}
