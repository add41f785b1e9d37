/// A row the import did not write, with where it is and why.
struct ImportRejection: Sendable, Hashable {
  /// `line 7` (CSV) or `record 3` (JSON).
  var position: String
  /// The external id, when the row had one.
  var externalID: String
  /// What was wrong, naming the column.
  var reason: String
}
