/// Where a provider sees patients, as staff submit it.
public struct LocationInput: Sendable, Hashable {
  /// e.g. "Main office" (up to 200 characters).
  public var label: String?
  /// Street address (1–300 characters, not blank).
  public var addressLine1: String
  /// Suite, floor (up to 300 characters).
  public var addressLine2: String?
  /// City (1–100 characters, not blank).
  public var city: String
  /// USPS state code, e.g. `MI`.
  public var state: String
  /// `12345` or `12345-6789`.
  public var postalCode: String
  /// Latitude −90…90, given together with longitude or not at all.
  public var latitude: Double?
  /// Longitude −180…180.
  public var longitude: Double?
  /// Phone (up to 40 characters).
  public var phone: String?
  /// The provider's primary location (at most one; setting it moves the mark here).
  public var isPrimary: Bool

  /// Creates a location.
  public init(
    label: String? = nil, addressLine1: String, addressLine2: String? = nil, city: String,
    state: String, postalCode: String, latitude: Double? = nil, longitude: Double? = nil,
    phone: String? = nil, isPrimary: Bool = false
  ) {
    self.label = label
    self.addressLine1 = addressLine1
    self.addressLine2 = addressLine2
    self.city = city
    self.state = state
    self.postalCode = postalCode
    self.latitude = latitude
    self.longitude = longitude
    self.phone = phone
    self.isPrimary = isPrimary
  }
}
