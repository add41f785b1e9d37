import Foundation
import VettingAPI
import VettingCore

/// Reading request fields that the store cannot check itself: ids, days, versions.
enum RequestField {
  /// A required UUID.
  static func uuid(_ value: String, _ field: String) throws -> UUID {
    if value.isEmpty {
      throw ServiceError.invalidArgument(field: field, "is required")
    }
    guard let id = UUID(uuidString: value) else {
      throw ServiceError.invalidArgument(
        field: field, "is not a UUID (expected 8-4-4-4-12 hex digits, got \(quoted(value)))")
    }
    return id
  }

  /// An optional UUID: empty means absent.
  static func optionalUUID(_ value: String, _ field: String) throws -> UUID? {
    value.isEmpty ? nil : try uuid(value, field)
  }

  /// An expected version: at least 1 (versions start at 1).
  static func version(_ value: Int64, _ field: String = "expected_version") throws -> Int {
    guard value >= 1, value <= Int64(Int32.max) else {
      throw ServiceError.invalidArgument(
        field: field, "must be the version you read (1 or more), got \(value)")
    }
    return Int(value)
  }

  /// A version that may be 0 ("none exists yet").
  static func versionOrZero(_ value: Int64, _ field: String = "expected_version") throws -> Int {
    guard value >= 0, value <= Int64(Int32.max) else {
      throw ServiceError.invalidArgument(field: field, "must be 0 or more, got \(value)")
    }
    return Int(value)
  }

  /// An optional calendar day.
  static func day(_ value: Vetting_V1_Day, present: Bool, _ field: String) throws -> Day? {
    guard present else { return nil }
    guard (1900...9999).contains(value.year),
      let day = Day(year: Int(value.year), month: Int(value.month), day: Int(value.day))
    else {
      throw ServiceError.invalidArgument(
        field: field, "is not a calendar day (\(value.year)-\(value.month)-\(value.day))")
    }
    return day
  }

  /// `value` when not empty, else `nil`.
  static func optional(_ value: String) -> String? {
    value.isEmpty ? nil : value
  }

  /// A short, printable rendering of untrusted input for an error message.
  static func quoted(_ value: String) -> String {
    let clipped = value.unicodeScalars.prefix(40).map { scalar in
      scalar.properties.generalCategory == .control ? "\u{FFFD}" : String(scalar)
    }.joined()
    return "\"\(clipped)\(value.unicodeScalars.count > 40 ? "…" : "")\""
  }
}
