import VettingAPI
import VettingCore

extension VettingCore.Severity {
  /// The wire value.
  var proto: Vetting_V1_Severity {
    switch self {
    case .critical: .critical
    case .major: .major
    case .minor: .minor
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_Severity, field: String) throws {
    switch value {
    case .critical: self = .critical
    case .major: self = .major
    case .minor: self = .minor
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
