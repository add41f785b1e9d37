import VettingAPI
import VettingStore

extension AssessmentRecord {
  /// The wire assessment: every area, criterion and flag with its reason.
  var proto: Vetting_V1_Assessment {
    .with {
      $0.id = summary.id.uuidString.lowercased()
      $0.providerID = summary.providerID.uuidString.lowercased()
      $0.providerKind = providerKind.proto
      $0.rubricVersion = summary.rubricVersion
      $0.asOf = summary.asOf.proto
      $0.score = Int32(clamping: assessment.score)
      $0.tier = assessment.tier.proto
      $0.areas = assessment.areas.map { area in
        .with {
          $0.area = area.area.rawValue
          $0.score = Int32(clamping: area.score ?? 0)
          $0.applicable = area.score != nil
        }
      }
      $0.criteria = assessment.outcomes.map { outcome in
        .with {
          $0.criterionID = outcome.criterionID
          $0.area = outcome.area.rawValue
          $0.status = outcome.status.proto
          $0.possibleHundredths = Int32(clamping: outcome.possibleHundredths)
          $0.earnedHundredths = Int32(clamping: outcome.earnedHundredths)
          $0.reason = outcome.reason
        }
      }
      $0.flags = assessment.flags.map { flag in
        .with {
          $0.flagID = flag.flagID
          $0.severity = flag.severity.proto
          $0.reason = flag.reason
        }
      }
      $0.inputHash = summary.inputHash
      $0.assessedAt = summary.assessedAt.proto
    }
  }
}
