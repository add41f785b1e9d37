/// The roles a person holds on a provider's team.
///
/// The ketamine oath's model has two professional roles, which one person may hold together: the
/// mental-health professional (``therapist``) and the medical professional (``prescriber``). The
/// other cases are the staff beside them: a nurse (licensed), and a medical assistant, a monitor
/// (sitter) and an integration coach, none of whom needs a license for the role.
public enum PractitionerRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The mental-health professional (psychotherapist): intake, preparation, support, integration.
  case therapist
  /// The medical professional: physical assessment, prescribing, physical safety during dosing.
  case prescriber
  /// A registered or licensed practical nurse (places IVs, monitors vital signs). Licensed.
  case nurse
  /// A medical assistant (vital signs, intake paperwork). No license needed for the role.
  case medicalAssistant = "medical-assistant"
  /// A monitor or sitter present with the patient during dosing. No license needed.
  case monitor
  /// An integration coach (non-clinical support between sessions). No license needed.
  case integrationCoach = "integration-coach"

  public static func < (lhs: PractitionerRole, rhs: PractitionerRole) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// One of the ketamine oath's two professional roles.
  public var isProfessional: Bool { self == .therapist || self == .prescriber }

  /// Whether the role can only be held under a state license: the professional roles and nurses.
  /// A person whose roles all need none (a monitor, a coach) raises no flag for holding none.
  public var requiresLicense: Bool { isProfessional || self == .nurse }
}
