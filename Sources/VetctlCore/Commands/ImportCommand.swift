import ArgumentParser
import Foundation
import VettingClient

/// `vetctl import`: bulk onboarding from CSV or JSON.
struct ImportCommand: AsyncParsableCommand {
  /// The most records the server takes in one `ImportProviders` call.
  static let maxBatchSize = 1000

  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Create or update clinics and practitioners from a CSV or JSON file.",
    discussion: """
      Columns (CSV header / JSON keys) are listed in docs/VETCTL.md; kind and external_id are \
      required. The file is checked first: a missing required column or an unknown one stops \
      the import with nothing written (exit 65); a bad row (malformed line, invalid NPI, missing \
      value, external id used twice in the file) is rejected with its line and reason and the \
      others go on.

      Valid rows are sent in batches (--batch-size); the server writes each batch in one \
      transaction, all or nothing, and may still reject single rows (e.g. an NPI another \
      practitioner has) without stopping the others. Rows are keyed by external id: a new one is \
      created, a known one is updated when its fields differ (the file is the source of truth) \
      and left alone otherwise, so a re-run writes nothing twice. The id column is optional; \
      when given, the server checks that it is the external id's record.

      Ends with a summary of created, updated, unchanged and rejected rows; exits 65 when any \
      row was rejected, 0 otherwise. If a call fails (server unreachable: 69, token refused: 77) \
      the import stops and says which batches were committed; the failed batch wrote nothing \
      (if the answer was lost, unless the server committed it at that instant: a re-run then \
      reports its rows unchanged), and re-running the same file completes the import.

      --dry-run asks the server what it would do and writes nothing (it needs the server); \
      --check-only checks the file alone, without a server or a token.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The CSV or JSON file.") var file: String
  @Option(help: "csv or json (default: from the file name).") var format: String?
  @Option(
    help: ArgumentHelp(
      "Rows per server transaction, 1...\(maxBatchSize): each batch is written all or nothing.",
      valueName: "rows"))
  var batchSize: Int = 500
  @Flag(
    help: """
      Ask the server what the import would do (exact created, updated, unchanged and rejected \
      counts) and write nothing.
      """)
  var dryRun = false
  @Flag(
    help: """
      Check the file only (columns, values, duplicate external ids) without contacting a \
      server; write nothing.
      """)
  var checkOnly = false

  func run() async throws {
    try await ErrorReporting.run {
      guard (1...Self.maxBatchSize).contains(batchSize) else {
        throw VetctlError.usage(
          "--batch-size must be 1...\(Self.maxBatchSize) (the server takes at most "
            + "\(Self.maxBatchSize) records per call), got \(batchSize)")
      }
      guard !(dryRun && checkOnly) else {
        throw VetctlError.usage("--dry-run and --check-only exclude each other; pick one")
      }
      let (rows, rejections) = try ImportPlan.make(file: file, format: format)
      var summary = ImportSummary()
      if checkOnly {
        summary.valid = rows.count
      } else if !rows.isEmpty {
        summary = try await server.withClient { client in
          let progress = Progress(
            label: dryRun ? "import (dry run)" : "import", total: rows.count)
          let written = try await ImportWriter.write(
            rows, batchSize: batchSize, dryRun: dryRun, client: client, progress: progress)
          progress.finish()
          return written
        }
      }
      summary.dryRun = dryRun
      summary.rejections += rejections
      summary.rejections.sort { Self.order($0.position) < Self.order($1.position) }
      switch output.output {
      case .table, .id: Printer.write(summary.text)
      case .json: Printer.write(summary.json)
      case .csv:
        StandardError.write(summary.text.split(separator: "\n").first.map { $0 + "\n" } ?? "")
        Printer.write(summary.csv)
      }
      if dryRun {
        StandardError.write("dry run: the server checked every row; nothing was written\n")
      } else if checkOnly {
        StandardError.write(
          "checked the file only: no server was asked; --dry-run tells what would be created "
            + "or updated\n")
      }
      if summary.rejected > 0 { throw VetctlExitStatus.invalidArgument.exitCode }
    }
  }

  /// Sort key of a position (`line 12`, `record 3`): its number.
  static func order(_ position: String) -> Int {
    Int(position.split(separator: " ").last ?? "") ?? 0
  }
}
