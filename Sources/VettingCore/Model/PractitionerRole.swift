/// The professional roles of the ketamine oath's three-role model. One person may hold both.
public enum PractitionerRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The mental-health professional (psychotherapist): intake, preparation, support, integration.
  case therapist
  /// The medical professional: physical assessment, prescribing, physical safety during dosing.
  case prescriber

  public static func < (lhs: PractitionerRole, rhs: PractitionerRole) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
