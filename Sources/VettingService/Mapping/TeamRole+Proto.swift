import VettingAPI
import VettingStore

extension VettingStore.TeamRole {
  /// The wire value.
  var proto: Vetting_V1_AffiliationRole {
    switch self {
    case .medicalDirector: .medicalDirector
    case .prescriber: .prescriber
    case .therapist: .therapist
    case .integrationTherapist: .integrationTherapist
    case .nurse: .nurse
    case .monitor: .monitor
    case .owner: .owner
    case .other: .other
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field` for UNSPECIFIED and for
  /// numbers this server does not know.
  init(proto value: Vetting_V1_AffiliationRole, field: String) throws {
    switch value {
    case .medicalDirector: self = .medicalDirector
    case .prescriber: self = .prescriber
    case .therapist: self = .therapist
    case .integrationTherapist: self = .integrationTherapist
    case .nurse: self = .nurse
    case .monitor: self = .monitor
    case .owner: self = .owner
    case .other: self = .other
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}
