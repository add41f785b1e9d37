/// One record of a CSV file: its fields and the line it starts on.
struct CSVRecord: Sendable, Hashable {
  /// The 1-based line the record starts on.
  var line: Int
  /// The fields, unquoted.
  var fields: [String]
  /// Why the record could not be read, when it could not (a stray or unterminated quote).
  var malformed: String?
}
