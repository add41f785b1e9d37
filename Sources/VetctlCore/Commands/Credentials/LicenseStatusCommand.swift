import ArgumentParser
import VettingAPI

enum LicenseRecordKind: LifecycleKind {
  static let noun = "license"
  static let kind = Vetting_V1_RecordKind.license
}

/// `vetctl license set-status`.
struct LicenseSetStatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-status", abstract: "Record a change of a license's standing.",
    discussion: """
      E.g. a suspension: the license's status and the day it changed are stored, an audit entry \
      is written and every provider the practitioner counts for is re-scored in one transaction, \
      so search shows licensure.license-revoked-or-suspended at once. Reinstating (active) clears it.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The license id.") var id: String
  @Option(help: "The version you read (vetctl practitioner show prints it).")
  var expectedVersion: Int64
  @Option(help: "active, probation, suspended, revoked, lapsed, inactive.") var status: String
  @Option(help: "The day the board changed it, YYYY-MM-DD (default today).") var changedOn: String?
  @Option(help: "Why; recorded in the audit entry.") var reason: String?

  func run() async throws {
    try await ErrorReporting.run {
      var request = Vetting_V1_UpdateLicenseStatusRequest()
      request.licenseID = id
      request.expectedVersion = expectedVersion
      request.status = try Vocabulary.parse(
        status, as: Vetting_V1_LicenseStatus.self, option: "--status")
      if let changedOn { request.changedOn = try DayText.parse(changedOn, option: "--changed-on") }
      request.reason = reason ?? ""
      let saved = try await server.withClient { try await $0.updateLicenseStatus(request) }
      Printer.record(
        saved,
        fields: [
          ("id", saved.id), ("state", saved.state), ("type", saved.type),
          ("status", Vocabulary.name(saved.status)), ("version", "\(saved.version)"),
        ], format: output.output)
    }
  }
}
