import ArgumentParser
import VettingAPI

/// `vetctl evidence`.
struct EvidenceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evidence", abstract: "Record and verify the evidence behind a provider's facts.",
    subcommands: [
      EvidenceAddCommand.self, EvidenceVerifyCommand.self, ArchiveCommand<EvidenceRecordKind>.self,
    ])
}

enum EvidenceRecordKind: LifecycleKind {
  static let noun = "evidence item"
  static let kind = Vetting_V1_RecordKind.evidence
}
