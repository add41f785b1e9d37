import VettingCore

/// The red flags of every published rubric, by id: what a stored flag id means.
public enum FlagCatalog {
  /// id → severity; a later rubric's severity wins when versions disagree.
  private static let severities: [String: Severity] = {
    var table: [String: Severity] = [:]
    for rubric in Rubric.all {
      for flag in rubric.flags { table[flag.id] = flag.severity }
    }
    return table
  }()

  /// The severity of flag `id`, or `nil` when no published rubric defines it.
  public static func severity(of id: String) -> Severity? { severities[id] }

  /// A few ids, for error messages.
  static var exampleIDs: String {
    Rubric.current.flags.prefix(2).map { "\"\($0.id)\"" }.joined(separator: ", ")
  }
}
