import ArgumentParser

/// `vetctl evidence`.
struct EvidenceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evidence", abstract: "Record and verify the evidence behind a provider's facts.",
    subcommands: [EvidenceAddCommand.self, EvidenceVerifyCommand.self])
}
