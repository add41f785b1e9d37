import VettingAPI
import VettingCore
import VettingStore

extension EvidenceInput {
  /// The store input of a wire evidence item; field names are relative to the request
  /// (`evidence.`).
  init(proto evidence: Vetting_V1_Evidence) throws {
    self.init(
      subject: evidence.subject,
      licenseID: try RequestField.optionalUUID(evidence.licenseID, "evidence.license_id"),
      trainingID: try RequestField.optionalUUID(evidence.trainingID, "evidence.training_id"),
      description: evidence.description_p,
      location: RequestField.optional(evidence.location),
      provenance: try Provenance(proto: evidence.provenance, field: "evidence.provenance"),
      attestedBy: RequestField.optional(evidence.attestedBy),
      verifiedBy: RequestField.optional(evidence.verifiedBy),
      observedOn: try RequestField.day(
        evidence.observedOn, present: evidence.hasObservedOn, "evidence.observed_on"),
      expiresOn: try RequestField.day(
        evidence.expiresOn, present: evidence.hasExpiresOn, "evidence.expires_on")
    )
  }
}
