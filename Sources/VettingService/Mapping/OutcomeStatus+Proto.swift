import VettingAPI
import VettingCore

extension VettingCore.OutcomeStatus {
  /// The wire value.
  var proto: Vetting_V1_OutcomeStatus {
    switch self {
    case .met: .met
    case .partlyMet: .partlyMet
    case .notMet: .notMet
    case .notApplicable: .notApplicable
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_OutcomeStatus, field: String) throws {
    switch value {
    case .met: self = .met
    case .partlyMet: self = .partlyMet
    case .notMet: self = .notMet
    case .notApplicable: self = .notApplicable
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
