import ArgumentParser
import VettingAPI

/// One location given as flags (`clinic add`).
struct LocationOptions: ParsableArguments {
  @Option(help: "Location label, e.g. \"Main office\".") var locationLabel: String?
  @Option(help: "Street address.") var address: String?
  @Option(help: "City.") var city: String?
  @Option(help: "USPS state code of the location.") var state: String?
  @Option(help: "5-digit ZIP or ZIP+4.") var postalCode: String?
  @Option(help: "Latitude, -90...90.") var latitude: Double?
  @Option(help: "Longitude, -180...180.") var longitude: Double?

  /// The location, or nil when no location flag was given.
  var location: Vetting_V1_Location? {
    guard
      locationLabel != nil || address != nil || city != nil || state != nil || postalCode != nil
        || latitude != nil || longitude != nil
    else { return nil }
    return .with {
      $0.label = locationLabel ?? ""
      $0.addressLine1 = address ?? ""
      $0.city = city ?? ""
      $0.state = state ?? ""
      $0.postalCode = postalCode ?? ""
      $0.latitude = latitude ?? 0
      $0.longitude = longitude ?? 0
      $0.isPrimary = true
    }
  }
}
