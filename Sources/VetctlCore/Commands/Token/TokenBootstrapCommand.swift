import ArgumentParser
import LibPQ
import VettingStore

/// `vetctl token bootstrap`: the first admin token, written directly to the database.
struct TokenBootstrapCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bootstrap",
    abstract: "Issue a token directly in the database (the first admin token).",
    discussion: """
      Talks to PostgreSQL, not the server: use it once, to get the admin token every other \
      command needs. The secret is printed once (only its SHA-256 is stored). With --output \
      json it is the "secret" field.
      """)

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var output: OutputOptions
  @Option(help: "A name for the token, unique among live tokens.") var name: String = "admin"
  @Option(help: "admin, auditor or referral.") var role: String = "admin"
  @Option(help: "Who issues it (recorded in the audit log).") var actor: String = "vetctl bootstrap"

  func run() async throws {
    try await ErrorReporting.run {
      guard let role = TokenRole(rawValue: role.lowercased()) else {
        throw VetctlError.usage("--role: \"\(role)\" is not one of admin, auditor, referral")
      }
      let configuration = try database.configuration()
      let pool = ConnectionPool(
        configuration: configuration, options: .init(maximumConnections: 1))
      let issued: IssuedToken
      do {
        issued = try await TokenStore(pool: pool).issue(name: name, role: role, actor: actor)
        await pool.close()
      } catch {
        await pool.close()
        throw error
      }
      let table = Table(
        columns: ["id", "name", "role", "secret"],
        rows: [
          [
            issued.token.id.uuidString.lowercased(), issued.token.name, role.rawValue,
            issued.secret,
          ]
        ])
      Printer.write(table.render(output.output))
    }
  }
}
