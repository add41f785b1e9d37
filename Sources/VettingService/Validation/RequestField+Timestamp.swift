import Foundation
import SwiftProtobuf

extension RequestField {
  /// An optional instant: `nil` when not `present`; INVALID_ARGUMENT naming `field` when it is
  /// not a valid protobuf Timestamp (0001-01-01 to 9999-12-31, nanos 0...999,999,999).
  static func instant(_ value: Google_Protobuf_Timestamp, present: Bool, _ field: String) throws
    -> Date?
  {
    guard present else { return nil }
    guard (-62_135_596_800...253_402_300_799).contains(value.seconds),
      (0...999_999_999).contains(value.nanos)
    else {
      throw ServiceError.invalidArgument(
        field: field,
        "is not a valid timestamp (seconds \(value.seconds), nanos \(value.nanos))")
    }
    return value.date
  }
}
