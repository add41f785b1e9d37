import VettingAPI
import VettingCore

extension VettingCore.PractitionerRole {
  /// The wire value.
  var proto: Vetting_V1_PractitionerRole {
    switch self {
    case .therapist: .therapist
    case .prescriber: .prescriber
    case .nurse: .nurse
    case .medicalAssistant: .medicalAssistant
    case .monitor: .monitor
    case .integrationCoach: .integrationCoach
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_PractitionerRole, field: String) throws {
    switch value {
    case .therapist: self = .therapist
    case .prescriber: self = .prescriber
    case .nurse: self = .nurse
    case .medicalAssistant: self = .medicalAssistant
    case .monitor: self = .monitor
    case .integrationCoach: self = .integrationCoach
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
