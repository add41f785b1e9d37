import VettingAPI
import VettingCore

extension Day {
  /// The wire value.
  var proto: Vetting_V1_Day {
    .with {
      $0.year = Int32(year)
      $0.month = Int32(month)
      $0.day = Int32(day)
    }
  }
}
