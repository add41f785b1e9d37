import VettingAPI
import VettingCore

extension VettingCore.Tier {
  /// The wire value.
  var proto: Vetting_V1_Tier {
    switch self {
    case .recommended: .recommended
    case .vetted: .vetted
    case .conditional: .conditional
    case .incomplete: .incomplete
    case .notVetted: .notVetted
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_Tier, field: String) throws {
    switch value {
    case .recommended: self = .recommended
    case .vetted: self = .vetted
    case .conditional: self = .conditional
    case .incomplete: self = .incomplete
    case .notVetted: self = .notVetted
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
