/// The fields of a clinic as staff submit them: a create takes them all, an update replaces them
/// all.
public struct ClinicInput: Sendable, Hashable {
  /// Display name (1–300 characters, not blank).
  public var name: String
  /// Registered legal name.
  public var legalName: String?
  /// Organisation NPI (NPI-2): ten digits passing the check digit (anything else is refused).
  public var npi: String?
  /// The outcome of the NPPES registry lookup of `npi`; anything but `unchecked` needs an NPI.
  public var npiStatus: NPIRegistryStatus
  /// Web site (up to 2,000 characters).
  public var website: String?
  /// Phone (up to 40 characters).
  public var phone: String?
  /// E-mail (up to 320 characters).
  public var email: String?
  /// Free-text description (up to 20,000 characters).
  public var description: String?
  /// USPS codes of states served beyond the states of the clinic's locations (telehealth).
  public var statesServed: [String]

  /// Creates clinic fields.
  public init(
    name: String, legalName: String? = nil, npi: String? = nil, website: String? = nil,
    phone: String? = nil, email: String? = nil, description: String? = nil,
    statesServed: [String] = [], npiStatus: NPIRegistryStatus = .unchecked
  ) {
    self.npiStatus = npiStatus
    self.name = name
    self.legalName = legalName
    self.npi = npi
    self.website = website
    self.phone = phone
    self.email = email
    self.description = description
    self.statesServed = statesServed
  }
}
