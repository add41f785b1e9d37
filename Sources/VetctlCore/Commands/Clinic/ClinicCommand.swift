import ArgumentParser

/// `vetctl clinic ...`.
struct ClinicCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clinic",
    abstract: "Add, change, show, list and archive clinics.",
    subcommands: [
      ClinicAddCommand.self, ClinicUpdateCommand.self, ClinicShowCommand.self,
      ClinicListCommand.self, ClinicArchiveCommand.self,
    ])
}
