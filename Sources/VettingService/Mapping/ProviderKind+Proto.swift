import VettingAPI
import VettingCore

extension VettingCore.ProviderKind {
  /// The wire value.
  var proto: Vetting_V1_ProviderKind {
    switch self {
    case .clinic: .clinic
    case .practitioner: .practitioner
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_ProviderKind, field: String) throws {
    switch value {
    case .clinic: self = .clinic
    case .practitioner: self = .practitioner
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
