import VettingAPI
import VettingStore

extension DueReason {
  /// The wire value.
  var proto: Vetting_V1_DueReason {
    switch self {
    case .licenseNotVerified: .licenseNotVerified
    case .npiNotChecked: .npiNotChecked
    case .evidenceExpiring: .evidenceExpiring
    case .outdatedRubric: .outdatedRubric
    case .licenseExpiring: .licenseExpiring
    case .certificateExpiring: .certificateExpiring
    case .openItem: .openItem
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_DueReason, field: String) throws {
    switch value {
    case .licenseNotVerified: self = .licenseNotVerified
    case .npiNotChecked: self = .npiNotChecked
    case .evidenceExpiring: self = .evidenceExpiring
    case .outdatedRubric: self = .outdatedRubric
    case .licenseExpiring: self = .licenseExpiring
    case .certificateExpiring: self = .certificateExpiring
    case .openItem: self = .openItem
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
