import VettingAPI
import VettingStore

extension LocationRecord {
  /// The wire location.
  var proto: Vetting_V1_Location {
    .with {
      $0.id = id.uuidString.lowercased()
      $0.version = Int64(version)
      $0.providerID = providerID.uuidString.lowercased()
      $0.label = fields.label ?? ""
      $0.addressLine1 = fields.addressLine1
      $0.addressLine2 = fields.addressLine2 ?? ""
      $0.city = fields.city
      $0.state = fields.state
      $0.postalCode = fields.postalCode
      $0.latitude = fields.latitude ?? 0
      $0.longitude = fields.longitude ?? 0
      $0.phone = fields.phone ?? ""
      $0.isPrimary = fields.isPrimary
    }
  }
}
