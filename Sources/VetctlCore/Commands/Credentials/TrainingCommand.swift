import ArgumentParser
import VettingAPI

/// `vetctl training`.
struct TrainingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "training", abstract: "Record practitioners' ketamine-assisted therapy training.",
    subcommands: [TrainingAddCommand.self, ArchiveCommand<TrainingRecordKind>.self])
}

enum TrainingRecordKind: LifecycleKind {
  static let noun = "training"
  static let kind = Vetting_V1_RecordKind.training
}

/// `vetctl training add`.
struct TrainingAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a completed training to a practitioner.",
    discussion: "Program ids are VettingCore TrainingProgram ids (see docs/RUBRIC.md), or other.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The practitioner id.") var practitioner: String
  @Option(help: "Program id, e.g. polaris-insight-center, or other.") var program: String
  @Option(help: "The program's name when --program is other.") var programName: String?
  @Option(help: "Hours of training.") var hours: Int32 = 0
  @Option(help: "Completion day, YYYY-MM-DD.") var completedOn: String?
  @Option(help: "Last valid day, YYYY-MM-DD.") var expiresOn: String?
  @Option(help: "self-reported, document-on-file, verified-by-staff, public-registry.")
  var provenance: String = "self-reported"
  @Option(help: "Your stable key for this training; makes retries safe.") var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      var training = Vetting_V1_Training()
      training.program = program
      training.programName = programName ?? ""
      training.hours = hours
      training.provenance = try Vocabulary.parse(
        provenance, as: Vetting_V1_Provenance.self, option: "--provenance")
      if let completedOn {
        training.completedOn = try DayText.parse(completedOn, option: "--completed-on")
      }
      if let expiresOn {
        training.expiresOn = try DayText.parse(expiresOn, option: "--expires-on")
      }
      let saved = try await server.withClient { client in
        try await client.addTraining(
          .with {
            $0.practitionerID = practitioner
            $0.training = training
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(
        saved,
        fields: [
          ("id", saved.id), ("program", saved.program), ("hours", "\(saved.hours)"),
          ("completed_on", DayText.format(saved.completedOn)),
          ("provenance", Vocabulary.name(saved.provenance)),
        ], format: output.output)
    }
  }
}
