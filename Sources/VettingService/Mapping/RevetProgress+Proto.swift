import VettingAPI
import VettingStore

extension RevetProgress {
  /// The wire progress report.
  var proto: Vetting_V1_RevetProgress {
    .with {
      $0.done = Int64(done)
      $0.total = Int64(total)
      $0.rescored = Int64(rescored)
      $0.tierChanges = Int64(tierChanges)
      $0.skipped = Int64(skipped)
    }
  }
}
