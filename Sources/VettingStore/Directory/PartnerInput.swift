import VettingCore

/// An outside partner as staff submit it: a prescriber, therapist or medical director who is not on
/// the provider's team (e.g. a telehealth prescribing service working with a counselor).
public struct PartnerInput: Sendable, Hashable {
  /// How the partner evaluates patients before prescribing or treating.
  public enum Evaluation: String, Sendable, Hashable, CaseIterable {
    case inPerson = "in-person"
    case liveVideo = "live-video"
    case questionnaire
  }

  /// One license the partner holds.
  public struct License: Sendable, Hashable {
    /// USPS state code.
    public var state: String
    /// License type ("MD", "NP", "LPC"; 1–50 characters).
    public var type: String
    /// The board's number (1–100 characters).
    public var number: String

    /// Creates a partner license.
    public init(state: String, type: String, number: String) {
      self.state = state
      self.type = type
      self.number = number
    }
  }

  /// The partner's name, a person or an organisation (1–300 characters).
  public var name: String
  /// What the partner does for the provider's patients.
  public var role: AffiliationRole
  /// The partner's field of practice, when known.
  public var discipline: Discipline?
  /// The partner's NPI; must pass the check digit.
  public var npi: String?
  /// The partner's organisation (e.g. the prescribing service), up to 300 characters.
  public var organization: String?
  /// How the partner evaluates patients, when known.
  public var evaluation: Evaluation?
  /// Licenses the partner holds (at most 60).
  public var licenses: [License]
  /// Where the facts come from (an agreement on file, confirmed with the partner...).
  public var provenance: Provenance
  /// When the partnership began.
  public var startedOn: Day?
  /// When it ends or ended; the partner no longer counts from the next day.
  public var endedOn: Day?

  /// Creates a partner.
  public init(
    name: String, role: AffiliationRole, discipline: Discipline? = nil, npi: String? = nil,
    organization: String? = nil, evaluation: Evaluation? = nil, licenses: [License] = [],
    provenance: Provenance = .selfReported, startedOn: Day? = nil, endedOn: Day? = nil
  ) {
    self.name = name
    self.role = role
    self.discipline = discipline
    self.npi = npi
    self.organization = organization
    self.evaluation = evaluation
    self.licenses = licenses
    self.provenance = provenance
    self.startedOn = startedOn
    self.endedOn = endedOn
  }
}
