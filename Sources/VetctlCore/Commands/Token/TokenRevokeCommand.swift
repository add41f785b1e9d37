import ArgumentParser
import VettingAPI

/// `vetctl token revoke`.
struct TokenRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke a token by id; it stops working at once.")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The token id (from vetctl token list).") var id: String

  func run() async throws {
    try await ErrorReporting.run {
      let token = try await server.withClient { client in
        try await client.revokeToken(.with { $0.id = id })
      }
      Printer.write(
        Table(columns: TokenFields.columns, rows: [TokenFields.row(token)]).render(output.output))
    }
  }
}
