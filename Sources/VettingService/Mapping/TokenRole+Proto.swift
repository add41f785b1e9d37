import VettingAPI
import VettingStore

extension VettingStore.TokenRole {
  /// The wire value.
  var proto: Vetting_V1_Role {
    switch self {
    case .referral: .referral
    case .auditor: .auditor
    case .admin: .admin
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_Role, field: String) throws {
    switch value {
    case .referral: self = .referral
    case .auditor: self = .auditor
    case .admin: self = .admin
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
