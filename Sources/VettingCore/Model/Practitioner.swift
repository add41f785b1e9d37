/// A person on a provider's team (or the provider, for a solo practice).
///
/// A value type with copy-on-write storage: the engine passes practitioners around dozens of
/// times per assessment, and a copy is one reference-count operation instead of one per field.
public struct Practitioner: Sendable, Hashable, Codable {
  /// The stored fields; synthesized Codable and Hashable give the encoding its shape.
  struct Fields: Sendable, Hashable, Codable {
    var id: String
    var name: String
    var roles: [PractitionerRole]
    var discipline: Discipline
    var npi: Attested<String>? = nil
    var npiRegistry: NPI.RegistryFinding? = nil
    var licenses: [License]
    var trainings: [Training]
    var certifications: [Certification]
    var boardCertification: Attested<Discipline>? = nil
    var kapSessionsDelivered: Attested<Int>? = nil
    var graduateDegree: Attested<Bool>? = nil
    var yearsInPractice: Attested<Int>? = nil
    var traumaTraining: Attested<Bool>? = nil
    var malpracticeInsurance: Attested<Bool>? = nil
    var psychotherapyTraining: Attested<Bool>? = nil
  }

  /// Immutable storage shared between copies. Safe to share across threads: `fields` is a `let`,
  /// so a box never changes after it is created; setters build a new box.
  final class Box: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// Creates a practitioner; every other evidence field starts empty.
  public init(
    id: String, name: String, roles: [PractitionerRole], discipline: Discipline,
    npi: Attested<String>? = nil, licenses: [License] = [], trainings: [Training] = [],
    certifications: [Certification] = []
  ) {
    box = Box(
      Fields(
        id: id, name: name, roles: roles, discipline: discipline, npi: npi, licenses: licenses,
        trainings: trainings, certifications: certifications))
  }

  @inline(__always)
  private mutating func update(_ body: (inout Fields) -> Void) {
    var fields = box.fields
    body(&fields)
    box = Box(fields)
  }

  /// A stable identifier within the directory.
  public var id: String {
    get { box.fields.id }
    set { update { $0.id = newValue } }
  }

  /// Display name, e.g. "Dana Reyes, LMFT".
  public var name: String {
    get { box.fields.name }
    set { update { $0.name = newValue } }
  }

  /// The ketamine oath roles the person holds for this provider: therapist, prescriber or both.
  public var roles: [PractitionerRole] {
    get { box.fields.roles }
    set { update { $0.roles = newValue } }
  }

  /// Field of practice.
  public var discipline: Discipline {
    get { box.fields.discipline }
    set { update { $0.discipline = newValue } }
  }

  /// Individual NPI (NPI-1).
  public var npi: Attested<String>? {
    get { box.fields.npi }
    set { update { $0.npi = newValue } }
  }

  /// What the NPPES registry lookup found against the NPI, when it found it deactivated or
  /// unknown; nil when the lookup found it active or has not been made.
  public var npiRegistry: NPI.RegistryFinding? {
    get { box.fields.npiRegistry }
    set { update { $0.npiRegistry = newValue } }
  }

  /// State licenses.
  public var licenses: [License] {
    get { box.fields.licenses }
    set { update { $0.licenses = newValue } }
  }

  /// Ketamine-assisted therapy trainings.
  public var trainings: [Training] {
    get { box.fields.trainings }
    set { update { $0.trainings = newValue } }
  }

  /// ACLS, BLS and PALS certificates.
  public var certifications: [Certification] {
    get { box.fields.certifications }
    set { update { $0.certifications = newValue } }
  }

  /// Board certification, for physicians.
  public var boardCertification: Attested<Discipline>? {
    get { box.fields.boardCertification }
    set { update { $0.boardCertification = newValue } }
  }

  /// KAP sessions delivered (as therapist or sitter) to date.
  public var kapSessionsDelivered: Attested<Int>? {
    get { box.fields.kapSessionsDelivered }
    set { update { $0.kapSessionsDelivered = newValue } }
  }

  /// Holds a master's degree or higher in a clinical field.
  public var graduateDegree: Attested<Bool>? {
    get { box.fields.graduateDegree }
    set { update { $0.graduateDegree = newValue } }
  }

  /// Years in clinical practice.
  public var yearsInPractice: Attested<Int>? {
    get { box.fields.yearsInPractice }
    set { update { $0.yearsInPractice = newValue } }
  }

  /// Has trauma-therapy training (e.g. EMDR, somatic, trauma-focused CBT).
  public var traumaTraining: Attested<Bool>? {
    get { box.fields.traumaTraining }
    set { update { $0.traumaTraining = newValue } }
  }

  /// Holds malpractice insurance.
  public var malpracticeInsurance: Attested<Bool>? {
    get { box.fields.malpracticeInsurance }
    set { update { $0.malpracticeInsurance = newValue } }
  }

  /// Has formal psychotherapy training. A psychiatrist or psychiatric nurse practitioner who has
  /// it holds the mental-health role as well as the medical one (the ketamine oath, clause 3).
  public var psychotherapyTraining: Attested<Bool>? {
    get { box.fields.psychotherapyTraining }
    set { update { $0.psychotherapyTraining = newValue } }
  }

  /// Whether any role the person holds needs a state license (see
  /// ``PractitionerRole/requiresLicense``). Someone with no recorded role is treated as licensed
  /// staff, the strict reading.
  public var requiresLicense: Bool {
    let roles = box.fields.roles
    return roles.isEmpty || roles.contains(where: \.requiresLicense)
  }

  /// Whether the person holds one of the ketamine oath's professional roles.
  public var isProfessional: Bool { box.fields.roles.contains(where: \.isProfessional) }

  /// Whether the person holds the mental-health role.
  public var isTherapist: Bool { box.fields.roles.contains(.therapist) }
  /// Whether the person holds the medical role.
  public var isPrescriber: Bool { box.fields.roles.contains(.prescriber) }

  public static func == (lhs: Practitioner, rhs: Practitioner) -> Bool {
    lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
  }

  public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

  public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }

  public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }
}
