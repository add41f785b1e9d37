import VettingAPI
import VettingStore

extension CompareSummary {
  /// The wire summary.
  var proto: Vetting_V1_CompareSummary {
    .with {
      $0.fromTime = from.proto
      $0.toTime = to.proto
      $0.changes = Int64(changes)
      $0.upgraded = Int64(upgraded)
      $0.downgraded = Int64(downgraded)
      $0.firstAssessed = Int64(firstAssessed)
      $0.gainedFlag = Int64(gainedFlag)
      $0.lostFlag = Int64(lostFlag)
      $0.severityChanged = Int64(severityChanged)
    }
  }
}
