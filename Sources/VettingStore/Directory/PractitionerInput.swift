import VettingCore

/// The fields of a practitioner as staff submit them: a create takes them all, an update replaces
/// them all.
public struct PractitionerInput: Sendable, Hashable {
  /// Given name (1–200 characters, not blank).
  public var givenName: String
  /// Family name (1–200 characters, not blank).
  public var familyName: String
  /// Credentials as written after the name ("MD", "LCSW").
  public var credentials: String?
  /// The roles held: therapist, prescriber or both; or exactly one staff role (nurse, medical
  /// assistant, monitor, integration coach).
  public var roles: Set<PractitionerRole>
  /// Field of practice.
  public var discipline: Discipline
  /// Individual NPI (NPI-1): ten digits passing the check digit (anything else is refused).
  public var npi: String?
  /// The outcome of the NPPES registry lookup of `npi`; anything but `unchecked` needs an NPI.
  public var npiStatus: NPIRegistryStatus
  /// Listed on their own as a provider (a private practice), not only on clinic teams.
  public var listedSolo: Bool
  /// USPS codes of states served beyond the states of their own locations.
  public var statesServed: [String]
  /// KAP sessions delivered to date (0–1,000,000).
  public var kapSessionsDelivered: Int
  /// Web site, phone, e-mail, biography.
  public var website: String?
  /// Phone (up to 40 characters).
  public var phone: String?
  /// E-mail (up to 320 characters).
  public var email: String?
  /// Biography (up to 20,000 characters).
  public var bio: String?
  /// When the person started clinical practice (years in practice count from it).
  public var practiceStartedOn: Day?
  /// Formal psychotherapy training: `true`, `false`, or `nil` when unknown.
  public var psychotherapyTrained: Bool?

  /// Creates practitioner fields.
  public init(
    givenName: String, familyName: String, credentials: String? = nil,
    roles: Set<PractitionerRole>, discipline: Discipline = .other, npi: String? = nil,
    listedSolo: Bool = false, statesServed: [String] = [], kapSessionsDelivered: Int = 0,
    website: String? = nil, phone: String? = nil, email: String? = nil, bio: String? = nil,
    practiceStartedOn: Day? = nil, psychotherapyTrained: Bool? = nil,
    npiStatus: NPIRegistryStatus = .unchecked
  ) {
    self.npiStatus = npiStatus
    self.givenName = givenName
    self.familyName = familyName
    self.credentials = credentials
    self.roles = roles
    self.discipline = discipline
    self.npi = npi
    self.listedSolo = listedSolo
    self.statesServed = statesServed
    self.kapSessionsDelivered = kapSessionsDelivered
    self.website = website
    self.phone = phone
    self.email = email
    self.bio = bio
    self.practiceStartedOn = practiceStartedOn
    self.psychotherapyTrained = psychotherapyTrained
  }
}
