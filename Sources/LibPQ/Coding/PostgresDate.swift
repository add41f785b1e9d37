import Foundation

/// A calendar date without a time or a time zone: PostgreSQL's `date`
/// (proleptic Gregorian calendar), for example a licence's expiry date.
///
/// Using this instead of `Date` avoids the classic off-by-one-day bug of turning a calendar date
/// into an instant in some time zone.
public struct PostgresDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Days since 2000-01-01 (PostgreSQL's epoch); negative before it.
  public var daysSince2000: Int32

  /// Creates a date from its day number relative to 2000-01-01.
  public init(daysSince2000: Int32) {
    self.daysSince2000 = daysSince2000
  }

  /// Creates a date from year, month (1–12) and day (1–31); `nil` when no such day exists.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month)
    else { return nil }
    let days = Self.daysFromCivil(year: year, month: month, day: day) - Self.daysFrom1970To2000
    guard let narrow = Int32(exactly: days) else { return nil }
    self.daysSince2000 = narrow
  }

  /// The UTC calendar day on which `date` falls.
  public init(utcDayOf date: Date) {
    let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
    self.daysSince2000 = Int32(clamping: Int(days) - Self.daysFrom1970To2000)
  }

  /// The year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    Self.civilFromDays(Int(daysSince2000) + Self.daysFrom1970To2000)
  }

  /// Midnight UTC at the start of this day.
  public var utcMidnight: Date {
    Date(
      timeIntervalSince1970: Double(Int(daysSince2000) + Self.daysFrom1970To2000) * 86_400)
  }

  /// `YYYY-MM-DD` (ISO 8601).
  public var description: String {
    let (year, month, day) = components
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(abs(value))
      return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count))
        + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: PostgresDate, rhs: PostgresDate) -> Bool {
    lhs.daysSince2000 < rhs.daysSince2000
  }

  private static let daysFrom1970To2000 = 10_957

  private static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  private static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days (public domain), days since 1970-01-01.
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}

extension PostgresDate: PostgresArrayElementEncodable {
  public static var postgresElementType: PostgresType { .date }
  public static var postgresArrayType: PostgresType { .dateArray }
  public func postgresValue() throws -> PostgresValue {
    .binary(.date, bigEndianBytes(daysSince2000))
  }
}
