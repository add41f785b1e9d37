import VettingAPI
import VettingStore

extension LocationInput {
  /// The store input of a wire location. Coordinates (0, 0) mean "not geocoded": no provider
  /// practises in the Gulf of Guinea.
  init(proto location: Vetting_V1_Location) {
    let geocoded = location.latitude != 0 || location.longitude != 0
    self.init(
      label: RequestField.optional(location.label),
      addressLine1: location.addressLine1,
      addressLine2: RequestField.optional(location.addressLine2),
      city: location.city,
      state: location.state,
      postalCode: location.postalCode,
      latitude: geocoded ? location.latitude : nil,
      longitude: geocoded ? location.longitude : nil,
      phone: RequestField.optional(location.phone),
      isPrimary: location.isPrimary
    )
  }
}
