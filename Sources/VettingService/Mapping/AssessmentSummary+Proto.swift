import VettingAPI
import VettingStore

extension AssessmentSummary {
  /// The wire summary.
  var proto: Vetting_V1_AssessmentSummary {
    .with {
      $0.assessmentID = id.uuidString.lowercased()
      $0.rubricVersion = rubricVersion
      $0.score = Int32(clamping: score)
      $0.tier = tier.proto
      $0.criticalFlags = Int32(clamping: criticalFlags)
      $0.majorFlags = Int32(clamping: majorFlags)
      $0.minorFlags = Int32(clamping: minorFlags)
      $0.assessedAt = assessedAt.proto
      $0.disqualified = isDisqualified
      if let completeness { $0.completeness = Int32(clamping: completeness) }
      $0.openItems = Int32(clamping: openItems)
    }
  }
}
