import VettingAPI
import VettingCore
import VettingStore

extension PartnerInput {
  /// The store input of a wire partner; field names are relative to the request (`partner.`).
  init(proto partner: Vetting_V1_Partner) throws {
    let role: AffiliationRole
    switch partner.role {
    case .prescriber: role = .prescriber
    case .therapist: role = .therapist
    case .medicalDirector: role = .medicalDirector
    case .unspecified:
      throw ServiceError.invalidArgument(
        field: "partner.role", "must be set: PRESCRIBER, THERAPIST or MEDICAL_DIRECTOR")
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: "partner.role", "has the unknown value \(number)")
    }
    let evaluation: Evaluation?
    switch partner.evaluation {
    case .unspecified: evaluation = nil
    case .inPerson: evaluation = .inPerson
    case .liveVideo: evaluation = .liveVideo
    case .questionnaire: evaluation = .questionnaire
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(
        field: "partner.evaluation", "has the unknown value \(number)")
    }
    self.init(
      name: partner.name, role: role,
      discipline: try Discipline(wire: partner.discipline, field: "partner.discipline"),
      npi: RequestField.optional(partner.npi),
      organization: RequestField.optional(partner.organization), evaluation: evaluation,
      licenses: partner.licenses.map { License(state: $0.state, type: $0.type, number: $0.number) },
      provenance: partner.provenance == .unspecified
        ? .selfReported : try Provenance(proto: partner.provenance, field: "partner.provenance"),
      startedOn: try RequestField.day(
        partner.startedOn, present: partner.hasStartedOn, "partner.started_on"),
      endedOn: try RequestField.day(
        partner.endedOn, present: partner.hasEndedOn, "partner.ended_on"))
  }
}

extension PartnerRecord {
  /// The wire partner.
  var proto: Vetting_V1_Partner {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.providerID = providerID.uuidString.lowercased()
      $0.externalID = externalID ?? ""
      $0.version = Int64(version)
      $0.name = fields.name
      switch fields.role {
      case .prescriber: $0.role = .prescriber
      case .therapist: $0.role = .therapist
      case .medicalDirector: $0.role = .medicalDirector
      }
      $0.discipline = fields.discipline?.rawValue ?? ""
      $0.npi = fields.npi ?? ""
      $0.organization = fields.organization ?? ""
      switch fields.evaluation {
      case nil: $0.evaluation = .unspecified
      case .inPerson: $0.evaluation = .inPerson
      case .liveVideo: $0.evaluation = .liveVideo
      case .questionnaire: $0.evaluation = .questionnaire
      }
      $0.licenses = fields.licenses.map { license in
        .with {
          $0.state = license.state
          $0.type = license.type
          $0.number = license.number
        }
      }
      $0.provenance = fields.provenance.proto
      if let day = fields.startedOn { $0.startedOn = day.proto }
      if let day = fields.endedOn { $0.endedOn = day.proto }
    }
  }
}
