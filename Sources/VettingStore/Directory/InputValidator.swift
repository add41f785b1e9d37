import Foundation
import VettingCore

/// Checks input before it reaches the database, so a refusal names the API field (the database's
/// CHECKs stay as the last line of defence).
enum InputValidator {
  /// A text field: no NUL (PostgreSQL text cannot hold it), at most `max` characters (code
  /// points, as `char_length` counts), and not blank when `required`.
  static func text(_ value: String, _ field: String, max: Int, required: Bool = true) throws {
    if value.utf8.contains(0) {
      throw StoreError.invalidArgument(
        field: field, message: "contains a NUL character, which cannot be stored")
    }
    if required && value.allSatisfy(\.isWhitespace) {
      throw StoreError.invalidArgument(field: field, message: "must not be empty")
    }
    let count = value.unicodeScalars.count
    if count > max {
      throw StoreError.invalidArgument(
        field: field, message: "is \(count) characters long; at most \(max) are allowed")
    }
  }

  static func optionalText(_ value: String?, _ field: String, max: Int) throws {
    guard let value else { return }
    try text(value, field, max: max, required: false)
  }

  static func externalID(_ value: String?, _ field: String = "external_id") throws {
    guard let value else { return }
    if value.isEmpty {
      throw StoreError.invalidArgument(field: field, message: "must not be empty when given")
    }
    try text(value, field, max: 200, required: false)
  }

  static func state(_ value: String, _ field: String) throws {
    guard USState.isValid(value) else {
      throw StoreError.invalidArgument(
        field: field,
        message: "\"\(value.prefix(20))\" is not a USPS state or territory code (e.g. MI)")
    }
  }

  static func states(_ values: [String], _ field: String) throws {
    for (index, value) in values.enumerated() { try state(value, "\(field)[\(index)]") }
  }

  /// A valid NPI: ten digits, starting with 1 or 2, with a correct Luhn check digit. An NPI that
  /// fails the check is almost always a typo, so staff are told at once rather than the record
  /// being stored and flagged. (The rubric still flags an invalid NPI in facts from elsewhere.)
  static func npi(_ value: String?, _ field: String) throws {
    guard let value else { return }
    let validity = NPI.validate(value)
    guard validity == .valid else {
      throw StoreError.invalidArgument(
        field: field,
        message:
          "\"\(value.prefix(20))\" is not a valid NPI (\(validity.phrase)); an NPI is ten digits "
          + "starting with 1 or 2 whose last digit is the Luhn check digit")
    }
  }

  /// A registry lookup outcome needs a number that was looked up.
  static func npiStatus(_ status: NPIRegistryStatus, npi: String?, _ field: String) throws {
    guard status == .unchecked || npi != nil else {
      throw StoreError.invalidArgument(
        field: field,
        message: "\"\(status.rawValue)\" is an NPPES lookup outcome, but no NPI is given")
    }
  }

  static func postalCode(_ value: String, _ field: String) throws {
    let bytes = Array(value.utf8)
    func digits(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
    let valid =
      (bytes.count == 5 && digits(0..<5))
      || (bytes.count == 10 && digits(0..<5) && bytes[5] == UInt8(ascii: "-") && digits(6..<10))
    guard valid else {
      throw StoreError.invalidArgument(field: field, message: "must be 12345 or 12345-6789")
    }
  }

  static func coordinates(latitude: Double?, longitude: Double?, _ prefix: String) throws {
    switch (latitude, longitude) {
    case (nil, nil): return
    case (let lat?, let lon?):
      guard lat.isFinite, (-90...90).contains(lat) else {
        throw StoreError.invalidArgument(
          field: "\(prefix)latitude", message: "must be between -90 and 90")
      }
      guard lon.isFinite, (-180...180).contains(lon) else {
        throw StoreError.invalidArgument(
          field: "\(prefix)longitude", message: "must be between -180 and 180")
      }
    case (nil, _):
      throw StoreError.invalidArgument(
        field: "\(prefix)latitude", message: "is required when longitude is given")
    case (_, nil):
      throw StoreError.invalidArgument(
        field: "\(prefix)longitude", message: "is required when latitude is given")
    }
  }

  static func range(_ value: Int, _ field: String, _ bounds: ClosedRange<Int>) throws {
    guard bounds.contains(value) else {
      throw StoreError.invalidArgument(
        field: field, message: "must be between \(bounds.lowerBound) and \(bounds.upperBound)")
    }
  }

  /// `end` is not before `start` when both are given: a certificate cannot expire before it was
  /// issued, a partnership cannot end before it began.
  static func ordered(_ start: Day?, _ end: Day?, _ field: String, _ startName: String) throws {
    if let start, let end, end < start {
      throw StoreError.invalidArgument(
        field: field, message: "\(end) is before the \(startName) \(start)")
    }
  }

  /// A verified provenance names who verified it.
  static func verification(_ provenance: Provenance, _ verifiedBy: String?, _ field: String)
    throws
  {
    if provenance >= .verifiedByStaff, (verifiedBy ?? "").allSatisfy(\.isWhitespace) {
      throw StoreError.invalidArgument(
        field: field, message: "is required for \(provenance.phrase) provenance")
    }
  }
}
