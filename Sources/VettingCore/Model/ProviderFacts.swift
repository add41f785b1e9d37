/// Everything known about one provider: the input of ``Engine/assess(_:rubric:asOf:)``.
///
/// Evidence carries its provenance and expiry (``Attested``, licenses, trainings,
/// certificates, affiliations). What the provider offers and who is on the team (kind, routes,
/// states served, roles, disciplines) is scope, not evidence: it decides which criteria apply
/// and carries no provenance.
public struct ProviderFacts: Sendable, Hashable, Codable {
  /// A stable identifier within the directory.
  public var id: String
  /// Clinic or solo practitioner.
  public var kind: ProviderKind
  /// Display name.
  public var name: String
  /// The organisation's NPI (NPI-2) for a clinic; solo practitioners carry theirs on the
  /// practitioner.
  public var npi: Attested<String>?
  /// What the NPPES registry lookup found against the organisation's NPI, when it found it
  /// deactivated or unknown.
  public var npiRegistry: NPI.RegistryFinding?
  /// Two-letter codes of the states whose patients are served (in person or by telehealth).
  public var statesServed: [String]
  /// Routes offered. They decide which criteria apply.
  public var routes: [Route]
  /// The provider's own team (for a solo practice, the one practitioner).
  public var practitioners: [Practitioner]
  /// Partners outside the team (e.g. a prescribing service for a therapist's practice).
  public var affiliations: [Affiliation]
  /// The practice questionnaire.
  public var practice: PracticeProfile

  /// Creates provider facts.
  public init(
    id: String, kind: ProviderKind, name: String, npi: Attested<String>? = nil,
    statesServed: [String] = [], routes: [Route] = [], practitioners: [Practitioner] = [],
    affiliations: [Affiliation] = [], practice: PracticeProfile = PracticeProfile()
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.npi = npi
    self.statesServed = statesServed
    self.routes = routes
    self.practitioners = practitioners
    self.affiliations = affiliations
    self.practice = practice
  }
}
