import ArgumentParser
import VettingAPI

/// `vetctl clinic show`.
struct ClinicShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a clinic: fields, locations, team, practice, score.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The clinic id.") var id: String

  func run() async throws {
    try await ErrorReporting.run {
      let clinic = try await server.withClient { try await $0.getClinic(.with { $0.id = id }) }
      Printer.record(clinic, fields: RecordFields.clinic(clinic), format: output.output)
    }
  }
}
