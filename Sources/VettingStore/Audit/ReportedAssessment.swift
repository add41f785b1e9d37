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
  /// How many of them are critical (as stored with the assessment).
  public var criticalFlags: Int
  /// The rubric version used.
  public var rubricVersion: String
  /// When it was stored.
  public var assessedAt: Date
  /// The day the engine judged expiry against.
  public var asOf: Day
  /// Lower-case hex SHA-256 of the canonical provider facts it was computed from.
  public var inputHash: String
  /// Percent of the applicable evidence on file; `nil` when stored without its document.
  public var completeness: Int?
  /// Applicable criteria whose evidence is not on file.
  public var openItems: Int
  /// The engine's full output (criteria and flag reasons), when the query asked for details and
  /// the assessment was stored with its document.
  public var detail: Assessment?

  /// Creates a reported assessment.
  public init(
    id: UUID, tier: Tier, score: Int, areaScores: [Area: Int?], flagIDs: [String],
    criticalFlags: Int, rubricVersion: String, assessedAt: Date, asOf: Day, inputHash: String,
    completeness: Int? = nil, openItems: Int = 0, detail: Assessment?
  ) {
    self.id = id
    self.tier = tier
    self.score = score
    self.areaScores = areaScores
    self.flagIDs = flagIDs
    self.criticalFlags = criticalFlags
    self.rubricVersion = rubricVersion
    self.assessedAt = assessedAt
    self.asOf = asOf
    self.inputHash = inputHash
    self.completeness = completeness
    self.openItems = openItems
    self.detail = detail
  }

  /// A critical flag is raised: the row comes after every row without one, whatever its score
  /// (the score is still reported).
  public var isDisqualified: Bool { criticalFlags > 0 }
}
