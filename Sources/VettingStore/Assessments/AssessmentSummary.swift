import Foundation
import VettingCore

/// The assessment in force for a provider, in brief: what search hits and provider records carry.
public struct AssessmentSummary: Sendable, Hashable {
  /// The stored assessment's id.
  public var id: UUID
  /// The provider assessed.
  public var providerID: UUID
  /// The rubric version used.
  public var rubricVersion: String
  /// 0–100.
  public var score: Int
  /// The verdict.
  public var tier: Tier
  /// Raised flags by severity.
  public var criticalFlags: Int
  /// Major flags raised.
  public var majorFlags: Int
  /// Minor flags raised.
  public var minorFlags: Int
  /// The day expiry was judged against.
  public var asOf: Day
  /// When it was stored.
  public var assessedAt: Date
  /// Percent of the applicable criteria's points whose evidence is on file; `nil` for an
  /// assessment stored without its document (before schema 0005).
  public var completeness: Int?
  /// Applicable criteria whose evidence is not on file (see ``VettingCore/Completeness``).
  public var openItems: Int
  /// Lower-case hex SHA-256 of the canonical provider facts it was computed from.
  public var inputHash: String

  /// A critical flag is raised: the provider sorts after every provider without one, whatever
  /// its score (the score is still reported).
  public var isDisqualified: Bool { criticalFlags > 0 }
}
