import ArgumentParser
import VettingAPI

/// `vetctl clinic update`: changes some fields of a clinic.
struct ClinicUpdateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change a clinic's fields (only those given).",
    discussion: """
      Reads the clinic, applies the flags given, and writes it back naming the version read \
      (or --expected-version). If someone changed it in between, nothing is written and the \
      command fails with a conflict (exit 75): re-run it.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The clinic id.") var id: String
  @Option(help: "Fail unless the clinic is at this version.") var expectedVersion: Int64?
  @OptionGroup var fields: ClinicFieldOptions

  func run() async throws {
    try await ErrorReporting.run {
      guard !fields.isEmpty else {
        throw VetctlError.usage("nothing to change: give at least one field flag (see --help)")
      }
      let clinic = try await server.withClient { client in
        let current = try await client.getClinic(.with { $0.id = id })
        let currentFields = Vetting_V1_ClinicFields.with {
          $0.name = current.name
          $0.legalName = current.legalName
          $0.npi = current.npi
          $0.npiStatus = current.npiStatus
          $0.website = current.website
          $0.phone = current.phone
          $0.email = current.email
          $0.description_p = current.description_p
          $0.statesServed = current.statesServed
        }
        return try await client.updateClinic(
          .with {
            $0.id = id
            $0.expectedVersion = expectedVersion ?? current.version
            $0.fields = fields.apply(to: currentFields)
          })
      }
      Printer.record(clinic, fields: RecordFields.clinic(clinic), format: output.output)
    }
  }
}
