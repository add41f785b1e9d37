import ArgumentParser
import VettingAPI

/// `vetctl affiliate`: puts a practitioner on a clinic's team.
struct AffiliateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "affiliate",
    abstract: "Put a practitioner on a clinic's team with a role.",
    discussion: """
      Roles: prescriber, therapist, medical-director, integration-therapist, nurse, monitor, \
      owner, other. The clinic is re-scored in the same transaction.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "The clinic id.") var clinic: String
  @Option(help: "The practitioner id.") var practitioner: String
  @Option(help: "Their role at the clinic.") var role: String
  @Option(help: "The clinic location id they work at.") var location: String?
  @Option(help: "Your stable key for this affiliation; makes retries safe.") var externalId: String?

  func run() async throws {
    try await ErrorReporting.run {
      let role = try Vocabulary.parse(role, as: Vetting_V1_AffiliationRole.self, option: "--role")
      let affiliation = try await server.withClient { client in
        try await client.affiliate(
          .with {
            $0.clinicID = clinic
            $0.practitionerID = practitioner
            $0.role = role
            $0.locationID = location ?? ""
            $0.externalID = externalId ?? ""
          })
      }
      Printer.record(
        affiliation,
        fields: [
          ("id", affiliation.id), ("clinic", "\(affiliation.clinicName) \(affiliation.clinicID)"),
          (
            "practitioner",
            "\(affiliation.practitionerName) \(affiliation.practitionerID)"
          ),
          ("role", Vocabulary.name(affiliation.role)),
        ], format: output.output)
    }
  }
}
