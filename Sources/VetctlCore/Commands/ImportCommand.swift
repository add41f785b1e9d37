import ArgumentParser
import Foundation
import GRPCCore
import VettingClient

/// `vetctl import`: bulk onboarding from CSV or JSON.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Create or update clinics and practitioners from a CSV or JSON file.",
    discussion: """
      Columns (CSV header / JSON keys) are listed in docs/VETCTL.md; kind and external_id are \
      required. Every row is checked before anything is written: a missing required column or \
      an unknown one stops the import with nothing written (exit 65); a bad row (malformed \
      line, invalid NPI, missing value, external id used twice in the file) is rejected with \
      its line and reason and the others are written. Rows are idempotent by external id: a \
      re-run creates nothing twice. Ends with a summary of created, updated, unchanged and \
      rejected rows; exits 65 when any row was rejected, 0 otherwise.
      """)

  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions
  @Argument(help: "The CSV or JSON file.") var file: String
  @Option(help: "csv or json (default: from the file name).") var format: String?
  @Option(help: "Rows written per batch (checked as a whole before it is written).")
  var batchSize: Int = 200
  @Option(help: "Rows written at once.") var concurrency: Int = 8
  @Flag(help: "Check the file and print the summary of rejections without writing anything.")
  var dryRun = false

  func run() async throws {
    try await ErrorReporting.run {
      guard batchSize > 0, concurrency > 0, concurrency <= 64 else {
        throw VetctlError.usage("--batch-size must be >= 1 and --concurrency 1...64")
      }
      let (rows, rejections) = try ImportPlan.make(file: file, format: format)
      var summary = ImportSummary()
      var outcomes: [(index: Int, position: String, key: String, outcome: ImportOutcome)] = []
      if !dryRun && !rows.isEmpty {
        outcomes = try await server.withClient { client in
          try await write(rows, client: client)
        }
      }
      for entry in outcomes {
        switch entry.outcome {
        case .created: summary.created += 1
        case .updated: summary.updated += 1
        case .unchanged: summary.unchanged += 1
        case .rejected(let reason):
          summary.rejections.append(
            ImportRejection(position: entry.position, externalID: entry.key, reason: reason))
        }
      }
      summary.rejections += rejections
      summary.rejections.sort { Self.order($0.position) < Self.order($1.position) }
      switch output.output {
      case .table: Printer.write(summary.text)
      case .json: Printer.write(summary.json)
      case .csv:
        StandardError.write(summary.text.split(separator: "\n").first.map { $0 + "\n" } ?? "")
        Printer.write(summary.csv)
      }
      if summary.rejected > 0 { throw VetctlExitStatus.invalidArgument.exitCode }
    }
  }

  /// Writes `rows` in batches, `concurrency` at a time, reporting progress.
  private func write(_ rows: [ImportRow], client: VettingClient) async throws
    -> [(index: Int, position: String, key: String, outcome: ImportOutcome)]
  {
    let progress = Progress(label: "import", total: rows.count)
    var results: [(index: Int, position: String, key: String, outcome: ImportOutcome)] = []
    var start = 0
    while start < rows.count {
      let batch = Array(rows[start..<min(rows.count, start + batchSize)].enumerated())
      let offset = start
      try await withThrowingTaskGroup(of: (Int, ImportOutcome).self) { group in
        var next = 0
        func launch() {
          guard next < batch.count else { return }
          let (index, row) = batch[next]
          next += 1
          group.addTask { (offset + index, try await ImportWriter.write(row, client: client)) }
        }
        for _ in 0..<concurrency { launch() }
        while let (index, outcome) = try await group.next() {
          results.append((index, rows[index].position, rows[index].externalID, outcome))
          progress.update(done: results.count)
          launch()
        }
      }
      start += batchSize
    }
    progress.finish()
    return results.sorted { $0.index < $1.index }
  }

  /// Sort key of a position (`line 12`, `record 3`): its number.
  static func order(_ position: String) -> Int {
    Int(position.split(separator: " ").last ?? "") ?? 0
  }
}
