import ArgumentParser
import VettingAPI

/// `vetctl affiliation`: ends or archives a team membership made with `vetctl affiliate`.
struct AffiliationCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "affiliation", abstract: "End or archive a practitioner's role at a clinic.",
    subcommands: [EndCommand<AffiliationRecordKind>.self, ArchiveCommand<AffiliationRecordKind>.self])
}

enum AffiliationRecordKind: LifecycleKind {
  static let noun = "affiliation"
  static let kind = Vetting_V1_RecordKind.affiliation
}
