import ArgumentParser
import VettingAPI

/// `vetctl practitioner show`.
struct PractitionerShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a practitioner: fields, licenses, trainings, affiliations.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The practitioner id.") var id: String

  func run() async throws {
    try await ErrorReporting.run {
      let person = try await server.withClient {
        try await $0.getPractitioner(.with { $0.id = id })
      }
      Printer.record(person, fields: RecordFields.practitioner(person), format: output.output)
    }
  }
}
