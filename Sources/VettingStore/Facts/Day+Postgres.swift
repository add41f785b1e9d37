import LibPQ
import VettingCore

extension Day {
  /// The same calendar day as a `date` parameter.
  var postgres: PostgresDate { PostgresDate(year: year, month: month, day: day)! }

  /// The same calendar day as a `date` column value.
  init(_ date: PostgresDate) {
    let parts = date.components
    self = Day(year: parts.year, month: parts.month, day: parts.day)!
  }
}
