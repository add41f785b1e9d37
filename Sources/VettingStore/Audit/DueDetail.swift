import Foundation
import VettingCore

/// The sentence that says why a ``DueItem`` is due.
enum DueDetail {
  static func sentence(
    reason: DueReason, subject: String, lastChecked: Date?, dueOn: Day?, rubricVersion: String?,
    currentRubric: String, today: Day
  ) -> String {
    switch reason {
    case .licenseNotVerified:
      return "\(subject) \(checked("verified", lastChecked, today: today)); licenses are "
        + "re-verified every \(DueForReviewQuery.licenseVerificationDays) days"
    case .npiNotChecked:
      return
        "\(subject) \(checked("checked against the NPI registry", lastChecked, today: today)); "
        + "NPIs are re-checked every \(DueForReviewQuery.npiCheckDays) days"
    case .evidenceExpiring, .licenseExpiring, .certificateExpiring:
      return "\(subject) \(expiry(dueOn, today: today))"
    case .outdatedRubric:
      let when = lastChecked.map { " (assessed \(Day($0)))" } ?? ""
      return "\(subject)\(when) used rubric \(rubricVersion ?? "?"); the directory scores with "
        + "\(currentRubric): re-vet"
    case .openItem:
      let when = lastChecked.map { " (assessment of \(Day($0)))" } ?? ""
      return "\(subject)\(when): record the fact, or evidence for it, and the provider is "
        + "re-scored"
    }
  }

  private static func checked(_ verb: String, _ at: Date?, today: Day) -> String {
    guard let at else { return "was never \(verb)" }
    let day = Day(at)
    return "was last \(verb) on \(day), \(days(from: day, to: today)) days ago"
  }

  private static func expiry(_ day: Day?, today: Day) -> String {
    guard let day else { return "has no expiry date" }
    let ahead = days(from: today, to: day)
    switch ahead {
    case 0: return "expires today (\(day))"
    case 1...: return "expires on \(day), in \(ahead) day\(ahead == 1 ? "" : "s")"
    default: return "expired on \(day), \(-ahead) day\(ahead == -1 ? "" : "s") ago"
    }
  }

  /// Whole days from `start` to `end` (negative when `end` is earlier).
  static func days(from start: Day, to end: Day) -> Int {
    Int(end.postgres.daysSince2000) - Int(start.postgres.daysSince2000)
  }
}
