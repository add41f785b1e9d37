/// A person on a provider's team (or the provider, for a solo practice).
public struct Practitioner: Sendable, Hashable, Codable {
  /// A stable identifier within the directory.
  public var id: String
  /// Display name, e.g. "Dana Reyes, LMFT".
  public var name: String
  /// The ketamine oath roles the person holds for this provider: therapist, prescriber or both.
  public var roles: [PractitionerRole]
  /// Field of practice.
  public var discipline: Discipline
  /// Individual NPI (NPI-1).
  public var npi: Attested<String>?
  /// State licenses.
  public var licenses: [License]
  /// Ketamine-assisted therapy trainings.
  public var trainings: [Training]
  /// ACLS/BLS certificates.
  public var certifications: [Certification]
  /// Board certification, for physicians.
  public var boardCertification: Attested<Discipline>?
  /// KAP sessions delivered (as therapist or sitter) to date.
  public var kapSessionsDelivered: Attested<Int>?
  /// Holds a master's degree or higher in a clinical field.
  public var graduateDegree: Attested<Bool>?
  /// Years in clinical practice.
  public var yearsInPractice: Attested<Int>?
  /// Has trauma-therapy training (e.g. EMDR, somatic, trauma-focused CBT).
  public var traumaTraining: Attested<Bool>?
  /// Holds malpractice insurance.
  public var malpracticeInsurance: Attested<Bool>?

  /// Creates a practitioner; every evidence field starts empty.
  public init(
    id: String, name: String, roles: [PractitionerRole], discipline: Discipline,
    npi: Attested<String>? = nil, licenses: [License] = [], trainings: [Training] = [],
    certifications: [Certification] = []
  ) {
    self.id = id
    self.name = name
    self.roles = roles
    self.discipline = discipline
    self.npi = npi
    self.licenses = licenses
    self.trainings = trainings
    self.certifications = certifications
  }

  /// Whether the person holds the mental-health role.
  public var isTherapist: Bool { roles.contains(.therapist) }
  /// Whether the person holds the medical role.
  public var isPrescriber: Bool { roles.contains(.prescriber) }
}
