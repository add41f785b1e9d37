import VettingAPI
import VettingStore

extension AssessmentRecord {
  /// The wire assessment: every area, criterion and flag with its reason.
  var proto: Vetting_V1_Assessment {
    assessment.proto(
      id: summary.id, providerID: summary.providerID, providerKind: providerKind,
      rubricVersion: summary.rubricVersion, asOf: summary.asOf, inputHash: summary.inputHash,
      assessedAt: summary.assessedAt)
  }
}
