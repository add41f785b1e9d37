import Foundation

/// A calendar day (proleptic Gregorian, no time zone), the granularity of every expiry and as-of
/// date in vetting.
///
/// Stored as `yyyymmdd` in one integer so that comparison is a single integer compare on the hot
/// path, and encoded as an ISO 8601 date string (`"2026-11-21"`) so that encodings are stable and
/// readable.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The day as `yyyymmdd`, e.g. `20261121`.
  public let yyyymmdd: Int32

  /// Creates a day, or returns `nil` when the year, month or day is out of range.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    self.yyyymmdd = Int32(year * 10_000 + month * 100 + day)
  }

  /// Parses `YYYY-MM-DD`; returns `nil` for anything else.
  public init?(iso: String) {
    let bytes = Array(iso.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// The UTC calendar day containing `date`.
  public init(_ date: Date) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    self.yyyymmdd = Int32(parts.year! * 10_000 + parts.month! * 100 + parts.day!)
  }

  /// The year, 1...9999.
  public var year: Int { Int(yyyymmdd) / 10_000 }
  /// The month, 1...12.
  public var month: Int { Int(yyyymmdd) / 100 % 100 }
  /// The day of the month, 1...31.
  public var day: Int { Int(yyyymmdd) % 100 }

  /// `YYYY-MM-DD`.
  public var description: String {
    let year = String(self.year)
    let month = self.month < 10 ? "0\(self.month)" : String(self.month)
    let day = self.day < 10 ? "0\(self.day)" : String(self.day)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + month + "-" + day
  }

  /// The day `count` days later (or earlier, for a negative count).
  public func advanced(byDays count: Int) -> Day {
    let (year, month, day) = Day.civil(fromDays: Day.days(fromCivil: self) + count)
    return Day(year: year, month: month, day: day)!
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.yyyymmdd < rhs.yyyymmdd }

  /// Whole years from this day to `later` (an anniversary counts on its day; 29 February counts
  /// on 1 March in other years). Zero when `later` is not after this day.
  public func wholeYears(until later: Day) -> Int {
    guard later > self else { return 0 }
    var years = later.year - year
    if (later.month, later.day) < (month, day) { years -= 1 }
    return max(0, years)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a date as YYYY-MM-DD, got \"\(text)\"")
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Howard Hinnant's days-from-civil algorithms: exact integer arithmetic, no calendar objects.
  static func days(fromCivil value: Day) -> Int {
    let year = value.month <= 2 ? value.year - 1 : value.year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let shiftedMonth = value.month > 2 ? value.month - 3 : value.month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + value.day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civil(fromDays count: Int) -> (Int, Int, Int) {
    let shifted = count + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
