import VettingAPI
import VettingCore

extension VettingCore.Provenance {
  /// The wire value.
  var proto: Vetting_V1_Provenance {
    switch self {
    case .selfReported: .selfReported
    case .documentOnFile: .documentOnFile
    case .verifiedByStaff: .verifiedByStaff
    case .publicRegistry: .publicRegistry
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_Provenance, field: String) throws {
    switch value {
    case .selfReported: self = .selfReported
    case .documentOnFile: self = .documentOnFile
    case .verifiedByStaff: self = .verifiedByStaff
    case .publicRegistry: self = .publicRegistry
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
