import ArgumentParser

/// `vetctl audit`: checks on the audit log itself.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Check the audit log itself.",
    subcommands: [AuditVerifyCommand.self])
}
