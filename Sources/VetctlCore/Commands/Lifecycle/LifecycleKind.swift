import VettingAPI

/// A record kind with a lifecycle, for the generic `reverify`, `archive` and `end` subcommands.
protocol LifecycleKind: Sendable {
  /// How the record is named in help and output, e.g. "board certification".
  static var noun: String { get }
  /// The wire kind.
  static var kind: Vetting_V1_RecordKind { get }
  /// The subcommand that archives it (`archive`; `remove` for partners).
  static var archiveVerb: String { get }
}

extension LifecycleKind {
  static var archiveVerb: String { "archive" }
}

extension Vetting_V1_RecordVersion {
  /// The fields `vetctl` prints for a lifecycle change.
  var printedFields: [(String, String)] {
    [
      ("kind", Vocabulary.name(kind)), ("id", id), ("version", "\(version)"),
      ("archived", archived ? "true" : "false"), ("ended_on", DayText.format(endedOn)),
    ]
  }
}
