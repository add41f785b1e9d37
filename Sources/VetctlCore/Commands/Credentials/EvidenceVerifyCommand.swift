import ArgumentParser
import VettingAPI

/// `vetctl evidence verify`.
struct EvidenceVerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Mark an evidence item verified (full credit); the provider is re-scored.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The evidence id.") var id: String
  @Option(help: "Who verified it.") var verifiedBy: String
  @Option(help: "verified-by-staff or public-registry.") var provenance: String =
    "verified-by-staff"
  @Option(help: "Last valid day, YYYY-MM-DD.") var expiresOn: String?
  @Option(
    help: """
      The version you read (see the add command's output). Default: the item's current \
      version, read just before (a change made after that read still fails with exit 75).
      """)
  var expectedVersion: Int64?

  func run() async throws {
    try await ErrorReporting.run {
      let provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      let expires = try expiresOn.map { try DayText.parse($0, option: "--expires-on") }
      let saved = try await server.withClient { client in
        let version: Int64
        if let expectedVersion {
          version = expectedVersion
        } else {
          version = try await client.getEvidence(.with { $0.id = id }).version
        }
        return try await client.verifyEvidence(
          .with {
            $0.evidenceID = id
            $0.expectedVersion = version
            $0.verifiedBy = verifiedBy
            $0.provenance = provenance
            if let expires { $0.expiresOn = expires }
          })
      }
      Printer.record(saved, fields: EvidenceFields.fields(saved), format: output.output)
    }
  }
}
