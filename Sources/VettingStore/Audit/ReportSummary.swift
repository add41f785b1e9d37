import Foundation
import VettingCore

/// What a vetting report adds up to, computed over exactly the rows it sent.
///
/// Its size does not depend on the number of rows: counters per tier, ten histogram buckets, and
/// one counter per distinct flag id.
public struct ReportSummary: Sendable, Hashable {
  /// The instant the report describes.
  public var asOf: Date
  /// Rows sent.
  public var providers = 0
  /// Rows with an assessment in force.
  public var assessed = 0
  /// Rows per tier (tiers with none are absent).
  public var tierCounts: [Tier: Int] = [:]
  /// Assessed rows per score bucket: index `i` covers `10*i ... 10*i+9`, the last also 100.
  public var histogram = [Int](repeating: 0, count: 10)
  /// Rows that raised each flag.
  public var flagCounts: [String: Int] = [:]
  /// The sum of assessed rows' scores.
  public var scoreTotal = 0

  /// An empty summary of a report at `asOf`.
  public init(asOf: Date) {
    self.asOf = asOf
  }

  /// Rows without an assessment in force.
  public var unassessed: Int { providers - assessed }

  /// The mean score of assessed rows; 0 when there are none.
  public var meanScore: Double { assessed == 0 ? 0 : Double(scoreTotal) / Double(assessed) }

  /// Flags with their counts, most frequent first, then by id.
  public var flagFrequencies: [(flagID: String, count: Int)] {
    flagCounts.map { (flagID: $0.key, count: $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.flagID < $1.flagID
    }
  }

  /// The inclusive score range of histogram bucket `index` (0...9).
  public static func bucketRange(_ index: Int) -> ClosedRange<Int> {
    index == 9 ? 90...100 : (index * 10)...(index * 10 + 9)
  }

  /// The histogram bucket of `score` (clamped to 0...100).
  public static func bucket(of score: Int) -> Int {
    min(9, max(0, score) / 10)
  }

  /// Counts one row.
  public mutating func add(_ row: ReportRow) {
    providers += 1
    guard let assessment = row.assessment else { return }
    assessed += 1
    tierCounts[assessment.tier, default: 0] += 1
    histogram[Self.bucket(of: assessment.score)] += 1
    scoreTotal += assessment.score
    for flag in Set(assessment.flagIDs) { flagCounts[flag, default: 0] += 1 }
  }
}
