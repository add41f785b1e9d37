import ArgumentParser
import VettingAPI

/// `vetctl certificate`.
struct CertificateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificate",
    abstract: "Record life-support certificates (ACLS, BLS, PALS) of people on a team.",
    subcommands: [
      CertificateAddCommand.self, ReverifyCommand<CertificateRecordKind>.self,
      ArchiveCommand<CertificateRecordKind>.self,
    ])
}

enum CertificateRecordKind: LifecycleKind {
  static let noun = "certificate"
  static let kind = Vetting_V1_RecordKind.certificate
}

/// `vetctl certificate add`.
struct CertificateAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a life-support certificate to a practitioner.",
    discussion: """
      A current ACLS, BLS or PALS certificate of someone present during dosing earns \
      safety.certified-staff and clears safety.no-life-support-staff for IV and IM clinics.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The practitioner (any team member: nurse, monitor...) id.") var practitioner: String
  @Option(help: "acls, bls or pals.") var kind: String
  @Option(help: "Issue day, YYYY-MM-DD.") var issuedOn: String?
  @Option(help: "Last valid day, YYYY-MM-DD (not before the issue day).") var expiresOn: String?
  @Option(help: "self-reported, document-on-file, verified-by-staff, public-registry.")
  var provenance: String = "self-reported"
  @Option(help: "Who verified it (required with a verified provenance).") var verifiedBy: String?
  @Option(help: "Your stable key for this certificate; makes retries safe.") var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      var certificate = Vetting_V1_Certificate()
      certificate.kind = try Vocabulary.parse(
        kind, as: Vetting_V1_CertificateKind.self, option: "--kind")
      certificate.provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      if let issuedOn {
        certificate.issuedOn = try DayText.parse(issuedOn, option: "--issued-on")
      }
      if let expiresOn {
        certificate.expiresOn = try DayText.parse(expiresOn, option: "--expires-on")
      }
      certificate.verifiedBy = verifiedBy ?? ""
      let saved = try await server.withClient { client in
        try await client.addCertificate(
          .with {
            $0.practitionerID = practitioner
            $0.certificate = certificate
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(
        saved,
        fields: [
          ("id", saved.id), ("kind", Vocabulary.name(saved.kind)),
          ("issued_on", DayText.format(saved.issuedOn)),
          ("expires_on", DayText.format(saved.expiresOn)),
          ("provenance", Vocabulary.name(saved.provenance)), ("version", "\(saved.version)"),
        ], format: output.output)
    }
  }
}
