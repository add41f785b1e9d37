import VettingAPI

/// Assessment comparisons as printed.
enum AssessmentChangeFields {
  static let columns = [
    "provider_id", "kind", "name", "city", "state", "tier_change", "from_tier", "from_score",
    "to_tier", "to_score", "gained_flags", "lost_flags", "severity_changes", "from_rubric",
    "to_rubric", "from_assessment_id", "to_assessment_id", "from_assessed_at", "to_assessed_at",
  ]
  static let brief = [
    "name", "state", "tier_change", "from_tier", "from_score", "to_tier", "to_score",
    "gained_flags", "lost_flags", "severity_changes",
  ]

  static func row(_ change: Vetting_V1_AssessmentChange) -> [String] {
    let from = change.hasFromAssessment ? change.fromAssessment : nil
    let to = change.hasToAssessment ? change.toAssessment : nil
    return [
      change.providerID, Vocabulary.name(change.kind), change.name, change.city, change.state,
      Vocabulary.name(change.tierChange), from.map { Vocabulary.name($0.tier) } ?? "",
      from.map { "\($0.score)" } ?? "", to.map { Vocabulary.name($0.tier) } ?? "",
      to.map { "\($0.score)" } ?? "", change.gainedFlags.joined(separator: ";"),
      change.lostFlags.joined(separator: ";"),
      change.severityChanges.map {
        "\($0.flagID) \(Vocabulary.name($0.fromSeverity))→\(Vocabulary.name($0.toSeverity))"
      }.joined(separator: ";"),
      from?.rubricVersion ?? "", to?.rubricVersion ?? "",
      from?.assessmentID ?? "", to?.assessmentID ?? "",
      from.map { InstantText.format($0.assessedAt, isSet: $0.hasAssessedAt) } ?? "",
      to.map { InstantText.format($0.assessedAt, isSet: $0.hasAssessedAt) } ?? "",
    ]
  }

  /// The summary line: how many changes of each kind between which instants.
  static func summary(_ summary: Vetting_V1_CompareSummary) -> String {
    "\(summary.changes) changes from \(InstantText.format(summary.fromTime, isSet: summary.hasFromTime)) "
      + "to \(InstantText.format(summary.toTime, isSet: summary.hasToTime)): "
      + "\(summary.upgraded) upgraded, \(summary.downgraded) downgraded, "
      + "\(summary.firstAssessed) first assessed, \(summary.gainedFlag) gained a flag, "
      + "\(summary.lostFlag) lost a flag, \(summary.severityChanged) with a flag of another "
      + "severity\n"
  }
}
