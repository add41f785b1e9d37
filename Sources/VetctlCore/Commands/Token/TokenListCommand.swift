import ArgumentParser
import VettingAPI

/// `vetctl token list`.
struct TokenListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List tokens (never their secrets).")

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Flag(help: "Include revoked tokens.") var includeRevoked = false

  func run() async throws {
    try await ErrorReporting.run {
      let list = try await server.withClient { client in
        try await client.listTokens(.with { $0.includeRevoked = includeRevoked })
      }
      Printer.write(
        Table(columns: TokenFields.columns, rows: list.tokens.map(TokenFields.row))
          .render(output.output))
    }
  }
}
