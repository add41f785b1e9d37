import ArgumentParser
import VettingAPI

/// `vetctl board-certification`.
struct BoardCertificationCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "board-certification",
    abstract: "Record practitioners' board certifications.",
    subcommands: [
      BoardCertificationAddCommand.self, ReverifyCommand<BoardCertificationRecordKind>.self,
      ArchiveCommand<BoardCertificationRecordKind>.self,
    ])
}

enum BoardCertificationRecordKind: LifecycleKind {
  static let noun = "board certification"
  static let kind = Vetting_V1_RecordKind.boardCertification
}

/// `vetctl board-certification add`.
struct BoardCertificationAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a board certification to a practitioner.",
    discussion: """
      A current certification in anesthesiology, emergency medicine or psychiatry of a prescriber \
      on a clinic's team earns licensure.physician-oversight.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The practitioner id.") var practitioner: String
  @Option(help: "The certifying board, e.g. ABPN, ABA, ABEM.") var board: String
  @Option(help: "The specialty as a discipline id, e.g. psychiatry, anesthesiology.")
  var specialty: String
  @Option(help: "Certification day, YYYY-MM-DD.") var certifiedOn: String?
  @Option(help: "Last valid day, YYYY-MM-DD.") var expiresOn: String?
  @Option(help: "self-reported, document-on-file, verified-by-staff, public-registry.")
  var provenance: String = "self-reported"
  @Option(help: "Who verified it (required with a verified provenance).") var verifiedBy: String?
  @Option(help: "Your stable key for this certification; makes retries safe.")
  var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      var certification = Vetting_V1_BoardCertification()
      certification.board = board
      certification.specialty = specialty
      certification.provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      if let certifiedOn {
        certification.certifiedOn = try DayText.parse(certifiedOn, option: "--certified-on")
      }
      if let expiresOn {
        certification.expiresOn = try DayText.parse(expiresOn, option: "--expires-on")
      }
      certification.verifiedBy = verifiedBy ?? ""
      let saved = try await server.withClient { client in
        try await client.addBoardCertification(
          .with {
            $0.practitionerID = practitioner
            $0.boardCertification = certification
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(
        saved,
        fields: [
          ("id", saved.id), ("board", saved.board), ("specialty", saved.specialty),
          ("certified_on", DayText.format(saved.certifiedOn)),
          ("expires_on", DayText.format(saved.expiresOn)),
          ("provenance", Vocabulary.name(saved.provenance)), ("version", "\(saved.version)"),
        ], format: output.output)
    }
  }
}
