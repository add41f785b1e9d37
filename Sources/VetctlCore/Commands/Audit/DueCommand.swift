import ArgumentParser
import VettingAPI

/// `vetctl due`: what must be re-checked now and why.
struct DueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due",
    abstract:
      "List what is due for re-review: stale license and NPI checks, expiring evidence, old rubrics.",
    discussion: """
      From Audit/ListDueForReview (roles auditor and admin), grouped by reason, then provider \
      name. Reasons: license-not-verified (not verified within 90 days), npi-not-checked (not \
      within 30 days), evidence-expiring, license-expiring, certificate-expiring (within \
      --within-days, or already expired), outdated-rubric (assessed under an older rubric: \
      run vetctl vet). Each line has a sentence an auditor can act on.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The window for expiring evidence, licenses and certificates, in days (1-3650).")
  var withinDays: Int = 30
  @Option(
    name: .customLong("reason"),
    help: ArgumentHelp(
      "Only this reason (repeatable, or comma-separated): "
        + Vocabulary.names(Vetting_V1_DueReason.self).joined(separator: ", ") + ".",
      valueName: "reason"))
  var reasons: [String] = []
  @OptionGroup var stream: StreamTimeoutOptions

  func run() async throws {
    try await ErrorReporting.run {
      guard (1...3650).contains(withinDays) else {
        throw VetctlError.usage("--within-days: must be 1...3650, not \(withinDays)")
      }
      var request = Vetting_V1_ListDueForReviewRequest()
      request.withinDays = Int32(withinDays)
      request.reasons = try Vocabulary.parse(
        reasons, as: Vetting_V1_DueReason.self, option: "--reason")
      let options = try stream.callOptions()
      let rows = Collected<[String]>()
      try await server.withClient { client in
        try await client.listDueForReview(request, options: options) {
          rows.append(DueItemFields.row($0))
        }
      }
      Printer.write(
        Listing(
          table: Table(columns: DueItemFields.columns, rows: rows.all), brief: DueItemFields.brief
        ).render(output.output))
    }
  }
}
