import ArgumentParser
import VettingAPI

/// `vetctl changes`: providers whose tier or red flags changed between two instants.
struct ChangesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract:
      "List providers whose tier or red flags changed between two instants.",
    discussion: """
      From Audit/CompareAssessments (roles auditor and admin): the assessment in force at \
      --from against the one in force at --to, per listed provider, by name. A day means the \
      end of that day (UTC), as in vetctl report --as-of. severity_changes names the flags \
      that the two assessments' rubric versions weigh differently (why a provider moved after \
      the directory moved to a new rubric). The summary line (counts of upgraded, downgraded, \
      first assessed, gained and lost flags, flags of another severity) follows the table, or \
      goes to standard error with --output csv or json.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(
    help: ArgumentHelp(
      "The earlier instant (YYYY-MM-DD or 2025-03-31T12:00:00Z).", valueName: "when"))
  var from: String
  @Option(help: ArgumentHelp("The later instant (default: now).", valueName: "when"))
  var to: String?
  @Option(help: "Only providers with a live location in this state (USPS code).")
  var state: String?
  @Option(help: "Only clinics or only solo practitioners: clinic or practitioner.")
  var kind: String?
  @OptionGroup var stream: StreamTimeoutOptions

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_CompareAssessmentsRequest()
      request.fromTime = try InstantText.parse(from, option: "--from", day: .end)
      if let to { request.toTime = try InstantText.parse(to, option: "--to", day: .end) }
      if let state { request.state = state.uppercased() }
      if let kind {
        request.kind = try Vocabulary.parse(
          kind, as: Vetting_V1_ProviderKind.self, option: "--kind")
      }
      let options = try stream.callOptions()
      let rows = Collected<[String]>()
      let summary = try await server.withClient { client in
        try await client.compareAssessments(request, options: options) {
          rows.append(AssessmentChangeFields.row($0))
        }
      }
      Printer.write(
        Listing(
          table: Table(columns: AssessmentChangeFields.columns, rows: rows.all),
          brief: AssessmentChangeFields.brief
        ).render(output.output))
      let line = AssessmentChangeFields.summary(summary)
      if output.output == .table { Printer.write(line) } else { StandardError.write(line) }
    }
  }
}
