import Foundation
import VettingCore

/// What an assessment is stored with beside its document: the query-friendly columns search and
/// reports read (tier in the schema's spelling, flag ids, flags counted by severity, sub-scores
/// by area, completeness and open items). The Rescorer and `vetctl demo-data` both store
/// assessments; this keeps them alike.
package struct AssessmentColumns: Sendable {
  package var tier: String
  package var flagIDs: [String]
  package var criticalFlags: Int
  package var majorFlags: Int
  package var minorFlags: Int
  /// `completeness`: percent of the applicable points on file (migration 0009).
  package var completeness: Int
  /// `open_items`: one "criterion-id: reason" line per open item.
  package var openItems: [String]
  private var areas: [String: Int?]

  package init(_ assessment: Assessment) {
    tier = SchemaVocabulary.column(assessment.tier)
    flagIDs = assessment.flags.map(\.flagID)
    let counts = Dictionary(grouping: assessment.flags, by: \.severity).mapValues(\.count)
    criticalFlags = counts[.critical] ?? 0
    majorFlags = counts[.major] ?? 0
    minorFlags = counts[.minor] ?? 0
    let measure = assessment.completeness
    completeness = measure.percent
    openItems = measure.openItems.map(\.detail)
    areas = [:]
    for area in assessment.areas { areas[area.area.rawValue] = area.score }
  }

  /// `area_scores`: area -> sub-score, `null` where no criterion of the area applied.
  package func areaScores() throws -> String {
    String(decoding: try CanonicalJSON.encode(areas), as: UTF8.self)
  }
}
