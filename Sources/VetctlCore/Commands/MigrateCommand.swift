import ArgumentParser
import VettingStore

/// `vetctl migrate`: applies pending migrations directly to the database.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Apply pending schema migrations (talks to the database directly).",
    discussion: """
      Migrations are built into vetctl (sql/migrations); each runs in a transaction and is \
      recorded with its checksum. A changed, already-applied migration is refused. Safe to run \
      again: it applies only what is missing.
      """)

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await ErrorReporting.run {
      let report = try await database.withConnection { try await MigrationRunner().migrate(on: $0) }
      let rows =
        report.alreadyApplied.map { ["\($0.version)", $0.name, "already applied"] }
        + report.applied.map { ["\($0.version)", $0.name, "applied"] }
      Printer.write(
        Table(columns: ["version", "name", "status"], rows: rows).render(output.output))
    }
  }
}
