import ArgumentParser

/// How listings and records are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Aligned columns for people.
  case table
  /// JSON: one object per record (an array for listings), for scripts.
  case json
  /// RFC 4180 CSV with a header row, for spreadsheets.
  case csv
  /// Only the id of each record, one per line: `id=$(vetctl clinic add ... -o id)` in scripts.
  case id
}

/// The `--output` option of every command that prints records.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: "Output format: table, json, csv, or id (only the record's id, for scripts).")
  var output: OutputFormat = .table
}
