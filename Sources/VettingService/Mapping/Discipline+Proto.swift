import VettingAPI
import VettingCore

extension Discipline {
  /// The discipline a wire string names, or INVALID_ARGUMENT naming `field` with the known ids.
  /// An empty string is `nil` (not given).
  init?(wire value: String, field: String) throws {
    if value.isEmpty { return nil }
    guard let known = Discipline(rawValue: value) else {
      throw ServiceError.invalidArgument(
        field: field,
        "is not a known discipline; use one of: "
          + Discipline.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self = known
  }
}
