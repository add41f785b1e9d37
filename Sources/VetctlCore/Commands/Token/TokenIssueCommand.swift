import ArgumentParser
import VettingAPI

/// `vetctl token issue`.
struct TokenIssueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue",
    abstract: "Issue a token through the server (admin only); prints the secret once.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "A name for the token, unique among live tokens.") var name: String
  @Option(help: "admin, auditor or referral.") var role: String

  func run() async throws {
    try await ErrorReporting.run {
      let role = try Vocabulary.parse(role, as: Vetting_V1_Role.self, option: "--role")
      let issued = try await server.withClient { client in
        try await client.issueToken(
          .with {
            $0.name = name
            $0.role = role
          })
      }
      let table = Table(
        columns: ["id", "name", "role", "secret"],
        rows: [
          [issued.token.id, issued.token.name, Vocabulary.name(issued.token.role), issued.secret]
        ])
      Printer.write(table.render(output.output))
    }
  }
}
