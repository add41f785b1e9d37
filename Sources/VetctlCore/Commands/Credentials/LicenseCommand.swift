import ArgumentParser
import VettingAPI

/// `vetctl license add`.
struct LicenseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "license", abstract: "Record practitioners' state licenses.",
    subcommands: [
      LicenseAddCommand.self, LicenseSetStatusCommand.self, ReverifyCommand<LicenseRecordKind>.self,
      ArchiveCommand<LicenseRecordKind>.self,
    ])
}

/// `vetctl license add`.
struct LicenseAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a state license to a practitioner.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The practitioner id.") var practitioner: String
  @Option(help: "USPS state code.") var state: String
  @Option(help: "License type, e.g. MD, DO, NP, LMFT, PsyD, LCSW.") var type: String
  @Option(help: "License number.") var number: String
  @Option(help: "active, probation, suspended, revoked, lapsed, inactive.")
  var status: String = "active"
  @Option(help: "Last valid day, YYYY-MM-DD.") var expiresOn: String?
  @Option(help: "Issue day, YYYY-MM-DD.") var issuedOn: String?
  @Option(help: "self-reported, document-on-file, verified-by-staff, public-registry.")
  var provenance: String = "self-reported"
  @Option(help: "Who verified it (with a verified provenance).") var verifiedBy: String?
  @Option(help: "Your stable key for this license; makes retries safe.") var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      var license = Vetting_V1_License()
      license.state = state
      license.type = type
      license.number = number
      license.status = try Vocabulary.parse(
        status, as: Vetting_V1_LicenseStatus.self, option: "--status")
      license.provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      if let expiresOn { license.expiresOn = try DayText.parse(expiresOn, option: "--expires-on") }
      if let issuedOn { license.issuedOn = try DayText.parse(issuedOn, option: "--issued-on") }
      if let verifiedBy { license.verifiedBy = verifiedBy }
      let saved = try await server.withClient { client in
        try await client.addLicense(
          .with {
            $0.practitionerID = practitioner
            $0.license = license
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(
        saved,
        fields: [
          ("id", saved.id), ("state", saved.state), ("type", saved.type),
          ("number", saved.number), ("status", Vocabulary.name(saved.status)),
          ("expires_on", DayText.format(saved.expiresOn)),
          ("provenance", Vocabulary.name(saved.provenance)),
        ], format: output.output)
    }
  }
}
