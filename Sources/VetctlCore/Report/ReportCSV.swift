import VettingAPI

/// The CSV report's columns and cells: one row per provider, the fields of `ReportRow` flattened.
enum ReportCSV {
  /// The header row.
  static let columns = [
    "provider_id", "kind", "name", "city", "state", "postal_code", "assessed", "assessment_id",
    "tier", "score", "completeness", "open_items", "disqualified", "critical_flags", "major_flags",
    "minor_flags", "flags",
    "areas",
    "assessed_at", "assessment_as_of", "rubric_version",
  ]

  /// The cells of `row`, in ``columns`` order.
  ///
  /// `flags` is `id:severity` items separated by `;` (sorted by id, as the server sends them);
  /// `areas` is `area:score` items in rubric order, `area:n/a` where nothing applied. Cells of
  /// an unassessed row after `assessed` are empty.
  static func cells(_ row: Vetting_V1_ReportRow) -> [String] {
    let place = [
      row.providerID, Vocabulary.name(row.kind), row.name, row.city, row.state, row.postalCode,
    ]
    guard row.assessed else {
      return place + ["false"] + Array(repeating: "", count: columns.count - place.count - 1)
    }
    func count(_ severity: Vetting_V1_Severity) -> String {
      "\(row.flags.filter { $0.severity == severity }.count)"
    }
    return place + [
      "true", row.assessmentID, Vocabulary.name(row.tier), "\(row.score)",
      row.hasCompleteness ? "\(row.completeness)" : "", "\(row.openItems)",
      "\(row.disqualified)", count(.critical),
      count(.major), count(.minor),
      row.flags.map { "\($0.flagID):\(Vocabulary.name($0.severity))" }.joined(separator: ";"),
      row.areas.map { "\($0.area):\($0.applicable ? "\($0.score)" : "n/a")" }
        .joined(separator: ";"),
      InstantText.format(row.assessedAt, isSet: row.hasAssessedAt),
      DayText.format(row.assessmentAsOf), row.rubricVersion,
    ]
  }
}
