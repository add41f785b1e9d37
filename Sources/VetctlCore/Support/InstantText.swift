import Foundation
import SwiftProtobuf
import VettingAPI

#if canImport(Glibc)
  import Glibc
#endif

/// Instants given on the command line (`--as-of`, `--from`, `--since`, ...) and printed: a day
/// or an ISO 8601 date and time with a zone, exact to the nanosecond both ways so an
/// `assessed_at` copied from a report names that very instant.
enum InstantText {
  /// What a bare day stands for.
  enum DayMeaning: Sendable {
    /// 00:00:00 UTC of that day (e.g. `--since`: entries from that day on).
    case start
    /// The last microsecond of that day in UTC (e.g. `--as-of`: the directory as it stood at
    /// the end of that day, everything done that day included).
    case end
  }

  /// Parses `YYYY-MM-DD` (read as `meaning` says, in UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]]`
  /// with `Z` or `±HH:MM` (a space may replace the `T`).
  /// - Throws: ``VetctlError`` (usage) naming `option`.
  static func parse(_ text: String, option: String, day meaning: DayMeaning) throws
    -> Google_Protobuf_Timestamp
  {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let invalid = VetctlError.usage(
      "\(option): \"\(text)\" is neither a day (YYYY-MM-DD) nor a date and time with a zone "
        + "(e.g. 2025-03-31T12:00:00Z or 2025-03-31T14:00:00.25+02:00)")
    let dayPart = String(trimmed.prefix(10))
    guard let day = try? DayText.parse(dayPart, option: option) else { throw invalid }
    guard let midnight = epochSeconds(day) else {
      throw VetctlError.usage("\(option): \"\(text)\" is not a day of the calendar")
    }
    var rest = Substring(trimmed.dropFirst(10))
    if rest.isEmpty {
      switch meaning {
      case .start: return Google_Protobuf_Timestamp(seconds: midnight, nanos: 0)
      case .end: return Google_Protobuf_Timestamp(seconds: midnight + 86_399, nanos: 999_999_000)
      }
    }
    guard rest.first == "T" || rest.first == "t" || rest.first == " " else { throw invalid }
    rest = rest.dropFirst()
    func number(_ digits: Int, max: Int) throws -> Int64 {
      let part = rest.prefix(digits)
      guard part.count == digits, part.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int64(part),
        value <= max
      else { throw invalid }
      rest = rest.dropFirst(digits)
      return value
    }
    let hour = try number(2, max: 23)
    guard rest.first == ":" else { throw invalid }
    rest = rest.dropFirst()
    let minute = try number(2, max: 59)
    var second: Int64 = 0
    var nanos: Int32 = 0
    if rest.first == ":" {
      rest = rest.dropFirst()
      second = try number(2, max: 59)
      if rest.first == "." || rest.first == "," {
        rest = rest.dropFirst()
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { throw invalid }
        nanos = Int32(String(digits).padding(toLength: 9, withPad: "0", startingAt: 0))!
        rest = rest.dropFirst(digits.count)
      }
    }
    var offset: Int64 = 0
    switch rest.first {
    case "Z", "z":
      rest = rest.dropFirst()
    case "+", "-":
      let sign: Int64 = rest.first == "-" ? -1 : 1
      rest = rest.dropFirst()
      let hours = try number(2, max: 23)
      if rest.first == ":" { rest = rest.dropFirst() }
      let minutes = try number(2, max: 59)
      offset = sign * (hours * 3600 + minutes * 60)
    default:
      throw VetctlError.usage(
        "\(option): \"\(text)\" has no zone; end it with Z (UTC) or an offset such as +02:00")
    }
    guard rest.isEmpty else { throw invalid }
    return Google_Protobuf_Timestamp(
      seconds: midnight + hour * 3600 + minute * 60 + second - offset, nanos: nanos)
  }

  /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (the fraction in groups of three digits, as long as
  /// needed to be exact), or empty when unset.
  static func format(_ timestamp: Google_Protobuf_Timestamp, isSet: Bool) -> String {
    guard isSet else { return "" }
    var seconds = time_t(timestamp.seconds)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var text = String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    if timestamp.nanos != 0 {
      var fraction = String(format: "%09d", Int(timestamp.nanos))
      while fraction.hasSuffix("000") { fraction.removeLast(3) }
      text += "." + fraction
    }
    return text + "Z"
  }

  /// Seconds since 1970 of 00:00 UTC on `day`, or nil when the day does not exist (31 April).
  private static func epochSeconds(_ day: Vetting_V1_Day) -> Int64? {
    var parts = tm()
    parts.tm_year = day.year - 1900
    parts.tm_mon = day.month - 1
    parts.tm_mday = day.day
    let seconds = timegm(&parts)
    var check = tm()
    var back = seconds
    gmtime_r(&back, &check)
    guard check.tm_mday == day.day, check.tm_mon == day.month - 1 else { return nil }
    return Int64(seconds)
  }
}
