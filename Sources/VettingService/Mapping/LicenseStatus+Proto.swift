import VettingAPI
import VettingCore

extension VettingCore.LicenseStatus {
  /// The wire value.
  var proto: Vetting_V1_LicenseStatus {
    switch self {
    case .active: .active
    case .probation: .probation
    case .suspended: .suspended
    case .revoked: .revoked
    case .lapsed: .lapsed
    case .inactive: .inactive
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_LicenseStatus, field: String) throws {
    switch value {
    case .active: self = .active
    case .probation: self = .probation
    case .suspended: self = .suspended
    case .revoked: self = .revoked
    case .lapsed: self = .lapsed
    case .inactive: self = .inactive
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
