import ArgumentParser

/// `vetctl practitioner ...`.
struct PractitionerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practitioner",
    abstract: "Add, change, show, list and archive therapists and prescribers.",
    subcommands: [
      PractitionerAddCommand.self, PractitionerUpdateCommand.self, PractitionerShowCommand.self,
      PractitionerListCommand.self, PractitionerArchiveCommand.self,
    ])
}
