import ArgumentParser
import Foundation
import GRPCCore
import VettingAPI
import VettingClient
import VettingCore

/// `vetctl profile`.
struct ProfileCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile", abstract: "Set a provider's practice questionnaire.",
    subcommands: [ProfileSetCommand.self])
}

/// `vetctl profile set`.
struct ProfileSetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Replace a clinic's or solo practitioner's practice questionnaire from a file.",
    discussion: """
      The file is YAML or JSON; its schema is docs/PROFILE.md (example: \
      docs/examples/profile.yaml). It is checked here first, so a misspelt key or a bad value \
      is reported with its path before anything is sent. The provider is re-scored; the new \
      score and tier are printed.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The clinic or solo practitioner id.") var id: String
  @Option(help: "The questionnaire, YAML or JSON (- for standard input).") var file: String
  @Option(help: "The profile version you read (default: the current one).")
  var expectedVersion: Int64?

  func run() async throws {
    try await ErrorReporting.run {
      let document = try DocumentFile.read(file)
      do {
        _ = try PracticeQuestionnaire.decode(json: document.json)
      } catch {
        throw VetctlError.invalid("\(file): \(error)")
      }
      let profileJSON = String(decoding: document.json, as: UTF8.self)
      let response = try await server.withClient { client in
        var version = expectedVersion ?? -1
        if version < 0 { version = try await Self.profileVersion(of: id, client: client) }
        return try await client.setPracticeProfile(
          .with {
            $0.providerID = id
            $0.expectedVersion = version
            $0.profileJson = profileJSON
          })
      }
      Printer.record(
        response,
        fields: [("profile_version", "\(response.version)")]
          + RecordFields.assessment(response.assessment, isSet: response.hasAssessment),
        format: output.output)
    }
  }

  /// The current profile version of a clinic or practitioner.
  static func profileVersion(of id: String, client: VettingClient) async throws -> Int64 {
    do {
      return try await client.getClinic(.with { $0.id = id }).profileVersion
    } catch let error as RPCError where error.code == .notFound {
      return try await client.getPractitioner(.with { $0.id = id }).profileVersion
    }
  }
}
