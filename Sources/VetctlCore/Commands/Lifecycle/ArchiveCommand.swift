import ArgumentParser
import VettingAPI

/// `vetctl <kind> archive`: the record leaves the directory (history keeps it).
struct ArchiveCommand<Kind: LifecycleKind>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: Kind.archiveVerb,
      abstract: "Archive a \(Kind.noun): it no longer counts (history keeps it).",
      discussion: """
        The row stays in history (audit trail, past assessments); the providers it counted for \
        are re-scored in the same transaction.
        """)
  }

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The \(Kind.noun) id.") var id: String
  @Option(help: "The version you read.") var expectedVersion: Int64
  @Option(help: "Why; recorded in the audit entry.") var reason: String?

  func run() async throws {
    try await ErrorReporting.run {
      let saved = try await server.withClient { client in
        try await client.endRecord(
          .with {
            $0.kind = Kind.kind
            $0.id = id
            $0.expectedVersion = expectedVersion
            $0.reason = reason ?? ""
          })
      }
      Printer.record(saved, fields: saved.printedFields, format: output.output)
    }
  }
}

/// `vetctl <partner|affiliation> end`: the record counts through a day and stays as history.
struct EndCommand<Kind: LifecycleKind>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "end", abstract: "End a \(Kind.noun) on a day (it counts through that day).")
  }

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The \(Kind.noun) id.") var id: String
  @Option(help: "The version you read.") var expectedVersion: Int64
  @Option(help: "The last day it counts, YYYY-MM-DD.") var endedOn: String
  @Option(help: "Why; recorded in the audit entry.") var reason: String?

  func run() async throws {
    try await ErrorReporting.run {
      let day = try DayText.parse(endedOn, option: "--ended-on")
      let saved = try await server.withClient { client in
        try await client.endRecord(
          .with {
            $0.kind = Kind.kind
            $0.id = id
            $0.expectedVersion = expectedVersion
            $0.endedOn = day
            $0.reason = reason ?? ""
          })
      }
      Printer.record(saved, fields: saved.printedFields, format: output.output)
    }
  }
}
