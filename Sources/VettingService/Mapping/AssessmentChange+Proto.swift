import VettingAPI
import VettingStore

extension AssessmentChange {
  /// The wire change.
  var proto: Vetting_V1_AssessmentChange {
    .with {
      $0.providerID = providerID.uuidString.lowercased()
      $0.kind = kind.proto
      $0.name = name
      if let location {
        $0.city = location.city
        $0.state = location.state
      }
      if let from { $0.fromAssessment = from.proto }
      $0.toAssessment = to.proto
      $0.tierChange =
        switch tierChange {
        case .unchanged: .unchanged
        case .upgraded: .upgraded
        case .downgraded: .downgraded
        case .firstAssessed: .firstAssessed
        }
      $0.gainedFlags = gainedFlags
      $0.lostFlags = lostFlags
      $0.severityChanges = severityChanges.map { change in
        .with {
          $0.flagID = change.flagID
          $0.fromSeverity = change.from.proto
          $0.toSeverity = change.to.proto
        }
      }
    }
  }
}
