import ArgumentParser

/// How listings and records are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Aligned columns for people.
  case table
  /// JSON: one object per record (an array for listings), for scripts.
  case json
  /// RFC 4180 CSV with a header row, for spreadsheets.
  case csv
}

/// The `--output` option of every command that prints records.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: "Output format: table, json or csv.")
  var output: OutputFormat = .table
}
