import Foundation
import VettingAPI
import VettingCore

extension Assessment {
  /// The wire assessment: every area, criterion and flag with its reason, with the stored row's
  /// identity and bookkeeping.
  func proto(
    id: UUID, providerID: UUID, providerKind: ProviderKind, rubricVersion: String, asOf: Day,
    inputHash: String, assessedAt: Date
  ) -> Vetting_V1_Assessment {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.providerID = providerID.uuidString.lowercased()
      $0.providerKind = providerKind.proto
      $0.rubricVersion = rubricVersion
      $0.asOf = asOf.proto
      $0.score = Int32(clamping: score)
      $0.tier = tier.proto
      $0.areas = areas.map { area in
        .with {
          $0.area = area.area.rawValue
          $0.score = Int32(clamping: area.score ?? 0)
          $0.applicable = area.score != nil
        }
      }
      $0.criteria = outcomes.map { outcome in
        .with {
          $0.criterionID = outcome.criterionID
          $0.area = outcome.area.rawValue
          $0.status = outcome.status.proto
          $0.possibleHundredths = Int32(clamping: outcome.possibleHundredths)
          $0.earnedHundredths = Int32(clamping: outcome.earnedHundredths)
          $0.reason = outcome.reason
        }
      }
      $0.flags = flags.map { flag in
        .with {
          $0.flagID = flag.flagID
          $0.severity = flag.severity.proto
          $0.reason = flag.reason
        }
      }
      $0.inputHash = inputHash
      $0.assessedAt = assessedAt.proto
      let completeness = self.completeness
      $0.completeness = Int32(clamping: completeness.percent)
      $0.openItems = completeness.openItems.map(\.detail)
      $0.roles = (roles ?? []).map { role in
        .with {
          $0.subject = role.subject
          $0.partner = role.partner
          $0.medical = role.medical
          $0.mentalHealth = role.mentalHealth
          $0.reason = role.reason
        }
      }
    }
  }
}
