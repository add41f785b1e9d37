import VettingCore

/// The red flags of every published rubric, by id: what a stored flag id means.
public enum FlagCatalog {
  /// id → severity; where versions disagree, the current rubric's (the one new assessments use),
  /// else the latest that defines it.
  private static let severities: [String: Severity] = {
    var table: [String: Severity] = [:]
    for rubric in Rubric.all + [Rubric.current] {
      for flag in rubric.flags { table[flag.id] = flag.severity }
    }
    return table
  }()

  /// id → severity, per published version.
  private static let byVersion: [String: [String: Severity]] = Dictionary(
    uniqueKeysWithValues: Rubric.all.map { rubric in
      (rubric.version, Dictionary(uniqueKeysWithValues: rubric.flags.map { ($0.id, $0.severity) }))
    })

  /// The severity of flag `id` under rubric `version` (the severity an assessment made with that
  /// version counted), else as ``severity(of:)``; `nil` when no published rubric defines it.
  public static func severity(of id: String, version: String) -> Severity? {
    byVersion[version]?[id] ?? severities[id]
  }

  /// The severity of flag `id` under the current rubric, else the latest rubric that defines it;
  /// `nil` when no published rubric defines it.
  public static func severity(of id: String) -> Severity? { severities[id] }

  /// A few ids, for error messages.
  static var exampleIDs: String {
    Rubric.current.flags.prefix(2).map { "\"\($0.id)\"" }.joined(separator: ", ")
  }
}
