import Foundation
import VettingAPI

/// An assessment as a person reads it.
enum AssessmentText {
  static func summaryFields(_ assessment: Vetting_V1_Assessment) -> [(String, String)] {
    [
      ("assessment_id", assessment.id), ("provider_id", assessment.providerID),
      ("rubric_version", assessment.rubricVersion), ("as_of", DayText.format(assessment.asOf)),
      ("score", "\(assessment.score)"), ("tier", Vocabulary.name(assessment.tier)),
      ("completeness", "\(assessment.completeness)%"),
      ("open_items", assessment.openItems.joined(separator: "; ")),
      (
        "flags",
        assessment.flags.map { "\($0.flagID) (\(Vocabulary.name($0.severity)))" }
          .joined(separator: "; ")
      ),
    ]
  }

  /// The full breakdown: headline, area scores, flags, then every criterion grouped by area.
  static func report(_ assessment: Vetting_V1_Assessment) -> String {
    var text = """
      Assessment \(assessment.id)
      Provider   \(assessment.providerID) (\(Vocabulary.name(assessment.providerKind)))
      Rubric     \(assessment.rubricVersion), as of \(DayText.format(assessment.asOf))
      Score      \(assessment.score)/100, tier \(Vocabulary.name(assessment.tier))
      On file    \(assessment.completeness)% of the applicable evidence, \(assessment.openItems.count) open item\(assessment.openItems.count == 1 ? "" : "s")

      """
    if !assessment.openItems.isEmpty {
      text += "\nOpen items (not on record, or expired: what staff chase)\n"
      for item in assessment.openItems { text += "  ? \(item)\n" }
    }
    if !assessment.roles.isEmpty {
      text += "\nRoles (the guidelines' medical and mental-health roles)\n"
      for role in assessment.roles {
        let held = [role.medical ? "medical" : nil, role.mentalHealth ? "mental-health" : nil]
          .compactMap { $0 }
        text +=
          "  \(role.subject)\(role.partner ? " (partner)" : ""): "
          + (held.isEmpty ? "neither" : held.joined(separator: " and ")) + " — \(role.reason)\n"
      }
    }
    text += "\nAreas\n"
    for area in assessment.areas {
      text +=
        "  \(area.area.padding(toLength: 22, withPad: " ", startingAt: 0)) "
        + (area.applicable ? "\(area.score)/100" : "not applicable") + "\n"
    }
    text += "\nRed flags\n"
    if assessment.flags.isEmpty { text += "  none\n" }
    for flag in assessment.flags {
      text += "  [\(Vocabulary.name(flag.severity).uppercased())] \(flag.flagID): \(flag.reason)\n"
    }
    var areas: [String] = []
    for criterion in assessment.criteria where !areas.contains(criterion.area) {
      areas.append(criterion.area)
    }
    for area in areas {
      text += "\nCriteria: \(area)\n"
      for criterion in assessment.criteria where criterion.area == area {
        let points = String(
          format: "%5.2f/%5.2f", Double(criterion.earnedHundredths) / 100,
          Double(criterion.possibleHundredths) / 100)
        let status = symbol(criterion.status)
        text += "  \(status) \(points)  \(criterion.criterionID)\n"
        if !criterion.reason.isEmpty { text += "              \(criterion.reason)\n" }
      }
    }
    text += "\nLegend: + met, ~ partly met, - not met, . not applicable; points earned/possible.\n"
    return text
  }

  static func symbol(_ status: Vetting_V1_OutcomeStatus) -> String {
    switch status {
    case .met: return "+"
    case .partlyMet: return "~"
    case .notMet: return "-"
    case .notApplicable: return "."
    default: return "?"
    }
  }

  /// One row per criterion and flag, for CSV.
  static func table(_ assessment: Vetting_V1_Assessment) -> Table {
    var rows = assessment.criteria.map { criterion in
      [
        "criterion", criterion.criterionID, criterion.area, Vocabulary.name(criterion.status),
        String(format: "%.2f", Double(criterion.earnedHundredths) / 100),
        String(format: "%.2f", Double(criterion.possibleHundredths) / 100), criterion.reason,
      ]
    }
    rows += assessment.flags.map { flag in
      ["flag", flag.flagID, "", Vocabulary.name(flag.severity), "", "", flag.reason]
    }
    return Table(
      columns: ["kind", "id", "area", "status", "earned", "possible", "reason"], rows: rows)
  }
}
