import VettingAPI
import VettingStore

extension LifecycleRecord {
  /// The wire value.
  var proto: Vetting_V1_RecordKind {
    switch self {
    case .license: .license
    case .training: .training
    case .certificate: .certificate
    case .boardCertification: .boardCertification
    case .evidence: .evidence
    case .partner: .partner
    case .affiliation: .affiliation
    }
  }

  /// The domain value of a wire value, or INVALID_ARGUMENT naming `field`.
  init(proto value: Vetting_V1_RecordKind, field: String) throws {
    switch value {
    case .license: self = .license
    case .training: self = .training
    case .certificate: self = .certificate
    case .boardCertification: self = .boardCertification
    case .evidence: self = .evidence
    case .partner: self = .partner
    case .affiliation: self = .affiliation
    case .unspecified:
      throw ServiceError.invalidArgument(field: field, "must be set (UNSPECIFIED is not a value)")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: field, "has the unknown value \(number)")
    }
  }
}

extension LifecycleResult {
  /// The wire value.
  var proto: Vetting_V1_RecordVersion {
    .with {
      $0.kind = record.proto
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.archived = archived
      if let endedOn { $0.endedOn = endedOn.proto }
    }
  }
}
