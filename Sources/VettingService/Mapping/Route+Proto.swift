import VettingAPI
import VettingCore

extension VettingCore.Route {
  /// The wire value.
  var proto: Vetting_V1_Route {
    switch self {
    case .intravenous: .iv
    case .intramuscular: .im
    case .lozengeInOffice: .sublingualLozenge
    case .esketamineREMS: .intranasalEsketamine
    case .atHome: .atHome
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_Route, field: String) throws {
    switch value {
    case .iv: self = .intravenous
    case .im: self = .intramuscular
    case .sublingualLozenge: self = .lozengeInOffice
    case .intranasalEsketamine: self = .esketamineREMS
    case .atHome: self = .atHome
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
