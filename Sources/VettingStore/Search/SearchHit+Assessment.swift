import Foundation
import VettingCore

extension SearchHit {
  /// The summary of a provider's latest assessment that a search hit carries.
  public struct Assessment: Sendable, Hashable {
    /// The assessment's id.
    public var id: UUID
    /// The rubric version it was made under.
    public var rubricVersion: String
    /// Score 0...100 (two decimals).
    public var score: Decimal
    /// The tier.
    public var tier: Tier
    /// Flags raised by severity.
    public var criticalFlags: Int
    /// See ``criticalFlags``.
    public var majorFlags: Int
    /// See ``criticalFlags``.
    public var minorFlags: Int
    /// When it was made.
    public var assessedAt: Date
    /// Percent of the applicable evidence on file; `nil` when stored without it (before 0009
    /// and without a document).
    public var completeness: Int?
    /// Applicable criteria whose evidence is not on file.
    public var openItems: Int

    /// A critical flag is raised: the provider sorts after every provider without one, whatever
    /// its score (the score is still reported).
    public var isDisqualified: Bool { criticalFlags > 0 }

    /// Creates a summary.
    public init(
      id: UUID, rubricVersion: String, score: Decimal, tier: Tier, criticalFlags: Int,
      majorFlags: Int, minorFlags: Int, assessedAt: Date, completeness: Int? = nil,
      openItems: Int = 0
    ) {
      self.id = id
      self.rubricVersion = rubricVersion
      self.score = score
      self.tier = tier
      self.criticalFlags = criticalFlags
      self.majorFlags = majorFlags
      self.minorFlags = minorFlags
      self.assessedAt = assessedAt
      self.completeness = completeness
      self.openItems = openItems
    }
  }
}
