import VettingAPI
import VettingStore

extension EvidenceRecord {
  /// The wire evidence item.
  var proto: Vetting_V1_Evidence {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.providerID = providerID.uuidString.lowercased()
      $0.subject = fields.subject
      $0.licenseID = fields.licenseID?.uuidString.lowercased() ?? ""
      $0.trainingID = fields.trainingID?.uuidString.lowercased() ?? ""
      $0.description_p = fields.description
      $0.location = fields.location ?? ""
      $0.provenance = fields.provenance.proto
      $0.attestedBy = fields.attestedBy ?? ""
      $0.verifiedBy = fields.verifiedBy ?? ""
      if let date = verifiedAt { $0.verifiedAt = date.proto }
      if let day = fields.observedOn { $0.observedOn = day.proto }
      if let day = fields.expiresOn { $0.expiresOn = day.proto }
    }
  }
}
