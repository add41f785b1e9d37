import ArgumentParser
import VettingAPI

/// `vetctl practitioner update`.
struct PractitionerUpdateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change a practitioner's fields (only those given).",
    discussion: """
      Reads the practitioner, applies the flags given, and writes it back naming the version \
      read (or --expected-version); a concurrent change fails with a conflict (exit 75).
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The practitioner id.") var id: String
  @Option(help: "Fail unless the practitioner is at this version.") var expectedVersion: Int64?
  @OptionGroup var fields: PractitionerFieldOptions

  func run() async throws {
    try await ErrorReporting.run {
      guard !fields.isEmpty else {
        throw VetctlError.usage("nothing to change: give at least one field flag (see --help)")
      }
      let person = try await server.withClient { client in
        let current = try await client.getPractitioner(.with { $0.id = id })
        let currentFields = Vetting_V1_PractitionerFields.with {
          $0.givenName = current.givenName
          $0.familyName = current.familyName
          $0.credentials = current.credentials
          $0.roles = current.roles
          $0.discipline = current.discipline
          $0.npi = current.npi
          $0.npiStatus = current.npiStatus
          $0.solo = current.solo
          $0.kapSessionsDelivered = current.kapSessionsDelivered
          $0.website = current.website
          $0.phone = current.phone
          $0.email = current.email
          $0.bio = current.bio
          $0.statesServed = current.statesServed
          if current.hasPracticeStartedOn { $0.practiceStartedOn = current.practiceStartedOn }
          if current.hasPsychotherapyTrained {
            $0.psychotherapyTrained = current.psychotherapyTrained
          }
        }
        return try await client.updatePractitioner(
          .with {
            $0.id = id
            $0.expectedVersion = expectedVersion ?? current.version
            $0.fields = try fields.apply(to: currentFields)
          })
      }
      Printer.record(person, fields: RecordFields.practitioner(person), format: output.output)
    }
  }
}
