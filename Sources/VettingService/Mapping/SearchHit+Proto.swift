import Foundation
import VettingAPI
import VettingStore

extension SearchHit {
  /// The wire hit.
  var proto: Vetting_V1_SearchHit {
    .with {
      $0.providerID = providerID.uuidString.lowercased()
      $0.kind = kind.proto
      $0.name = name
      $0.city = city ?? ""
      $0.state = state ?? ""
      $0.postalCode = postalCode ?? ""
      $0.distance = distance ?? 0
      if let assessment {
        $0.assessment = .with {
          $0.assessmentID = assessment.id.uuidString.lowercased()
          $0.rubricVersion = assessment.rubricVersion
          $0.score = Int32(truncating: NSDecimalNumber(decimal: assessment.score))
          $0.tier = assessment.tier.proto
          $0.criticalFlags = Int32(clamping: assessment.criticalFlags)
          $0.majorFlags = Int32(clamping: assessment.majorFlags)
          $0.minorFlags = Int32(clamping: assessment.minorFlags)
          $0.assessedAt = assessment.assessedAt.proto
          $0.disqualified = assessment.isDisqualified
          if let completeness = assessment.completeness {
            $0.completeness = Int32(clamping: completeness)
          }
          $0.openItems = Int32(clamping: assessment.openItems)
        }
      }
      $0.routes = routes.map(\.proto)
      $0.acceptingNewPatients = acceptingNewPatients
    }
  }
}
