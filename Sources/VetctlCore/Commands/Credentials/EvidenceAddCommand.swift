import ArgumentParser
import VettingAPI

/// `vetctl evidence add`.
struct EvidenceAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add an evidence item to a provider.",
    discussion: """
      --subject is the fact it proves, e.g. screening.psychiatric-evaluation (the fact keys are \
      listed in docs/RUBRIC.md). Evidence counts fully once verified: give --verified-by NAME to \
      record a fact staff checked in one step (provenance verified-by-staff unless --provenance \
      says public-registry), or verify it later with vetctl evidence verify.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The clinic or solo practitioner id.") var provider: String
  @Option(help: "The fact it proves, e.g. screening.psychiatric-evaluation.") var subject: String
  @Option(help: "What it is.") var description: String = ""
  @Option(help: "Where it is: a URL or document reference.") var location: String = ""
  @Option(
    help: """
      self-reported, document-on-file, verified-by-staff, public-registry (default \
      document-on-file; verified-by-staff with --verified-by).
      """)
  var provenance: String?
  @Option(help: "The staff member who checked it: records it as verified in one step.")
  var verifiedBy: String?
  @Option(help: "Who attested it.") var attestedBy: String?
  @Option(help: "Last valid day, YYYY-MM-DD.") var expiresOn: String?
  @Option(help: "The license id it proves.") var license: String?
  @Option(help: "The training id it proves.") var training: String?
  @Option(help: "Your stable key for this item; makes retries safe.") var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      var evidence = Vetting_V1_Evidence()
      evidence.subject = subject
      evidence.description_p = description
      evidence.location = location
      evidence.provenance = try Vocabulary.parse(
        provenance ?? (verifiedBy == nil ? "document-on-file" : "verified-by-staff"),
        as: Vetting_V1_Provenance.self, option: "--provenance")
      if let verifiedBy { evidence.verifiedBy = verifiedBy }
      if let attestedBy { evidence.attestedBy = attestedBy }
      if let expiresOn { evidence.expiresOn = try DayText.parse(expiresOn, option: "--expires-on") }
      if let license { evidence.licenseID = license }
      if let training { evidence.trainingID = training }
      let saved = try await server.withClient { client in
        try await client.addEvidence(
          .with {
            $0.providerID = provider
            $0.evidence = evidence
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(saved, fields: EvidenceFields.fields(saved), format: output.output)
    }
  }
}
