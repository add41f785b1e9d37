import ArgumentParser
import VettingAPI

/// `vetctl <license|certificate|board-certification> reverify`.
struct ReverifyCommand<Kind: LifecycleKind>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "reverify",
      abstract: "Record that staff or a registry confirmed a \(Kind.noun) again.",
      discussion: """
        Sets its provenance, who verified it and when (now), and the expiry found when given; \
        writes an audit entry and re-scores every provider the \(Kind.noun) counts for, in one \
        transaction.
        """)
  }

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The \(Kind.noun) id.") var id: String
  @Option(help: "The version you read (vetctl practitioner show prints it).")
  var expectedVersion: Int64
  @Option(help: "verified-by-staff or public-registry.") var provenance: String =
    "verified-by-staff"
  @Option(help: "Who verified it.") var verifiedBy: String
  @Option(help: "The expiry the verification found, YYYY-MM-DD.") var expiresOn: String?

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_ReverifyRequest()
      request.kind = Kind.kind
      request.id = id
      request.expectedVersion = expectedVersion
      request.provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      request.verifiedBy = verifiedBy
      if let expiresOn { request.expiresOn = try DayText.parse(expiresOn, option: "--expires-on") }
      let saved = try await server.withClient { try await $0.reverify(request) }
      Printer.record(saved, fields: saved.printedFields, format: output.output)
    }
  }
}
