import VettingAPI
import VettingCore
import VettingStore

extension ReportRow {
  /// The wire row.
  var proto: Vetting_V1_ReportRow {
    .with {
      $0.providerID = providerID.uuidString.lowercased()
      $0.kind = kind.proto
      $0.name = name
      if let location {
        $0.city = location.city
        $0.state = location.state
        $0.postalCode = location.postalCode
      }
      guard let assessment else { return }
      $0.assessed = true
      $0.assessmentID = assessment.id.uuidString.lowercased()
      $0.tier = assessment.tier.proto
      $0.score = Int32(clamping: assessment.score)
      $0.disqualified = assessment.isDisqualified
      if let completeness = assessment.completeness {
        $0.completeness = Int32(clamping: completeness)
      }
      $0.openItems = Int32(clamping: assessment.openItems)
      $0.areas = assessment.areaScores.sorted { $0.key < $1.key }.map { area, score in
        .with {
          $0.area = area.rawValue
          $0.score = Int32(clamping: score ?? 0)
          $0.applicable = score != nil
        }
      }
      let reasons = Dictionary(
        assessment.detail?.flags.map { ($0.flagID, $0.reason) } ?? [],
        uniquingKeysWith: { a, _ in a })
      $0.flags = assessment.flagIDs.map { id in
        .with {
          $0.flagID = id
          $0.severity =
            FlagCatalog.severity(of: id, version: assessment.rubricVersion)?.proto ?? .unspecified
          $0.reason = reasons[id] ?? ""
        }
      }
      $0.assessedAt = assessment.assessedAt.proto
      $0.assessmentAsOf = assessment.asOf.proto
      $0.rubricVersion = assessment.rubricVersion
      if let detail = assessment.detail {
        $0.detail = detail.proto(
          id: assessment.id, providerID: providerID, providerKind: kind,
          rubricVersion: assessment.rubricVersion, asOf: assessment.asOf,
          inputHash: assessment.inputHash, assessedAt: assessment.assessedAt)
      }
    }
  }
}
