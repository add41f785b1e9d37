import ArgumentParser

/// `vetctl token ...`.
struct TokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Issue, list and revoke API tokens; bootstrap the first admin token.",
    subcommands: [
      TokenBootstrapCommand.self, TokenIssueCommand.self, TokenListCommand.self,
      TokenRevokeCommand.self,
    ])
}
