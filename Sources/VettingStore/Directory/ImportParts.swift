import VettingCore

/// What an imported record brings besides its fields (``ProviderImportItem/parts``): its
/// credentials, partners, evidence, team and questionnaire, so a whole provider can be onboarded
/// from one import file. Each element is created once under `<external id>/<list>/<index>`.
public struct ImportParts: Sendable, Hashable {
  /// A practitioner on an imported clinic's team, by the practitioner's external id.
  public struct TeamMember: Sendable, Hashable {
    public var practitionerExternalID: String
    public var role: TeamRole

    public init(practitionerExternalID: String, role: TeamRole) {
      self.practitionerExternalID = practitionerExternalID
      self.role = role
    }
  }

  public var licenses: [LicenseInput] = []
  public var trainings: [TrainingInput] = []
  public var certificates: [CertificateInput] = []
  public var boardCertifications: [BoardCertificationInput] = []
  public var partners: [PartnerInput] = []
  public var evidence: [EvidenceInput] = []
  public var team: [TeamMember] = []
  /// The practice questionnaire; replaces the stored one when it differs.
  public var profile: PracticeQuestionnaire?

  public init() {}

  var isEmpty: Bool { self == ImportParts() }
}
