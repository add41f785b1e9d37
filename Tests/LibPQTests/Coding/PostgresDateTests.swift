import Foundation
import LibPQ
import Testing

/// Calendar arithmetic of `PostgresDate`, checked against Foundation's Gregorian calendar.
@Suite("PostgresDate")
struct PostgresDateTests {
  @Test func agreesWithFoundationForFourCenturiesOfDays() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let start = PostgresDate(year: 1800, month: 1, day: 1)!
    for offset in stride(from: 0, to: 146_097, by: 7) {
      let date = PostgresDate(daysSince2000: start.daysSince2000 + Int32(offset))
      let parts = calendar.dateComponents([.year, .month, .day], from: date.utcMidnight)
      let (year, month, day) = date.components
      #expect(parts.year == year && parts.month == month && parts.day == day)
      #expect(PostgresDate(year: year, month: month, day: day) == date)
      #expect(PostgresDate(utcDayOf: date.utcMidnight.addingTimeInterval(86_399)) == date)
    }
  }

  @Test(arguments: [(2023, 2, 29), (2024, 13, 1), (2024, 4, 31), (2024, 0, 10), (1900, 2, 29)])
  func impossibleDaysAreRejected(_ year: Int, _ month: Int, _ day: Int) {
    #expect(PostgresDate(year: year, month: month, day: day) == nil)
  }

  @Test func describesAsISO8601() {
    #expect(PostgresDate(year: 2000, month: 1, day: 1)!.description == "2000-01-01")
    #expect(PostgresDate(year: 33, month: 12, day: 5)!.description == "0033-12-05")
    #expect(PostgresDate(daysSince2000: 0).components == (2000, 1, 1))
  }
}
