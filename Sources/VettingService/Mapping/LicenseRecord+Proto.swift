import VettingAPI
import VettingStore

extension LicenseRecord {
  /// The wire license.
  var proto: Vetting_V1_License {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.state = fields.state
      $0.type = fields.type
      $0.number = fields.number
      $0.status = fields.status.proto
      $0.provenance = fields.provenance.proto
      if let day = fields.issuedOn { $0.issuedOn = day.proto }
      if let day = fields.expiresOn { $0.expiresOn = day.proto }
      $0.verifiedBy = fields.verifiedBy ?? ""
      if let date = lastVerifiedAt { $0.lastVerifiedAt = date.proto }
    }
  }
}
