import Foundation
import VettingCore

/// The assessment a report row shows.
public struct ReportedAssessment: Sendable, Hashable {
  /// The stored assessment's id.
  public var id: UUID
  /// The verdict.
  public var tier: Tier
  /// 0–100, whole points (the stored score rounded down).
  public var score: Int
  /// Sub-scores by area; `nil` where no criterion of the area applied. Empty when the assessment
  /// was stored without them.
  public var areaScores: [Area: Int?]
  /// The raised flags' ids, sorted.
  public var flagIDs: [String]
  /// The rubric version used.
  public var rubricVersion: String
  /// When it was stored.
  public var assessedAt: Date
  /// The day the engine judged expiry against.
  public var asOf: Day
  /// Lower-case hex SHA-256 of the canonical provider facts it was computed from.
  public var inputHash: String
  /// The engine's full output (criteria and flag reasons), when the query asked for details and
  /// the assessment was stored with its document.
  public var detail: Assessment?
}
