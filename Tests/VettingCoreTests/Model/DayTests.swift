import Foundation
import Testing
import VettingCore

@Suite("Day")
struct DayTests {
  @Test("parses and prints ISO dates", arguments: ["2026-11-21", "2024-02-29", "0999-01-01"])
  func isoRoundTrip(_ text: String) throws {
    let day = try #require(Day(iso: text))
    #expect(day.description == text)
  }

  @Test("rejects malformed dates", arguments: ["2026-13-01", "2025-02-29", "2026-1-01", "x", ""])
  func rejects(_ text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test("advances across months, years and leap days")
  func advance() {
    let day = Day(year: 2024, month: 2, day: 28)!
    #expect(day.advanced(byDays: 1).description == "2024-02-29")
    #expect(day.advanced(byDays: 2).description == "2024-03-01")
    #expect(day.advanced(byDays: 366).description == "2025-02-28")
    #expect(day.advanced(byDays: -59).description == "2023-12-31")
  }

  @Test("orders chronologically and takes the UTC day of a Date")
  func order() {
    #expect(Day(year: 2025, month: 12, day: 31)! < Day(year: 2026, month: 1, day: 1)!)
    #expect(Day(Date(timeIntervalSince1970: 0)).description == "1970-01-01")
  }

  @Test("decoding a bad date names the value")
  func decodeError() {
    let data = Data("[\"2026-02-30\"]".utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: data) }
  }
}
