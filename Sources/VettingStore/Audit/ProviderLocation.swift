/// Where a listed provider is, as audit reads show it.
public struct ProviderLocation: Sendable, Hashable {
  /// City.
  public var city: String
  /// USPS state code.
  public var state: String
  /// ZIP or ZIP+4.
  public var postalCode: String

  /// Creates a location.
  public init(city: String, state: String, postalCode: String) {
    self.city = city
    self.state = state
    self.postalCode = postalCode
  }
}
