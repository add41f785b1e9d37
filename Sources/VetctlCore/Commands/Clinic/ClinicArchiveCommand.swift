import ArgumentParser
import VettingAPI

/// `vetctl clinic archive`.
struct ClinicArchiveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "archive",
    abstract: "Archive a clinic: it leaves search; its history stays.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The clinic id.") var id: String
  @Option(help: "Why it is archived (kept in the audit log).") var reason: String = ""
  @Option(help: "Fail unless the clinic is at this version.") var expectedVersion: Int64?

  func run() async throws {
    try await ErrorReporting.run {
      let archived = try await server.withClient { client in
        let version: Int64
        if let expectedVersion {
          version = expectedVersion
        } else {
          version = try await client.getClinic(.with { $0.id = id }).version
        }
        return try await client.archiveClinic(
          .with {
            $0.id = id
            $0.expectedVersion = version
            $0.reason = reason
          })
      }
      Printer.record(
        archived, fields: [("id", archived.id), ("version", "\(archived.version)")],
        format: output.output)
    }
  }
}
