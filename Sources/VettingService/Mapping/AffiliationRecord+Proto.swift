import VettingAPI
import VettingStore

extension AffiliationRecord {
  /// The wire affiliation.
  var proto: Vetting_V1_Affiliation {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.clinicID = clinicID.uuidString.lowercased()
      $0.clinicName = clinicName
      $0.practitionerID = practitionerID.uuidString.lowercased()
      $0.practitionerName = practitionerName
      $0.role = role.proto
      $0.locationID = locationID?.uuidString.lowercased() ?? ""
    }
  }
}
