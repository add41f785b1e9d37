import Foundation
import SwiftProtobuf
import VettingAPI

/// Days and timestamps as text.
enum DayText {
  /// `YYYY-MM-DD` as a protobuf Day.
  /// - Throws: ``VetctlError`` (usage) naming `option`.
  static func parse(_ text: String, option: String) throws -> Vetting_V1_Day {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
      (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
    else {
      throw VetctlError.usage("\(option): \"\(text)\" is not a day as YYYY-MM-DD")
    }
    return .with {
      $0.year = Int32(year)
      $0.month = Int32(month)
      $0.day = Int32(day)
    }
  }

  /// `YYYY-MM-DD`, or empty when unset.
  static func format(_ day: Vetting_V1_Day) -> String {
    guard day.year != 0 else { return "" }
    return String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
  }

  /// An ISO 8601 timestamp, or empty when unset.
  static func format(_ timestamp: Google_Protobuf_Timestamp, isSet: Bool) -> String {
    guard isSet else { return "" }
    return ISO8601DateFormatter().string(from: timestamp.date)
  }
}
