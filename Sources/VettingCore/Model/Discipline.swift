/// A practitioner's field of practice or board certification.
public enum Discipline: String, Sendable, Hashable, Codable, CaseIterable {
  case psychiatry
  case psychiatricNursing = "psychiatric-nursing"
  case psychology
  /// Counselling, clinical social work, marriage and family therapy.
  case psychotherapy
  case anesthesiology
  case emergencyMedicine = "emergency-medicine"
  case painMedicine = "pain-medicine"
  case primaryCare = "primary-care"
  case other

  /// Mental-health disciplines: a practitioner in one can hold the mental-health role.
  public var isMentalHealth: Bool {
    switch self {
    case .psychiatry, .psychiatricNursing, .psychology, .psychotherapy: return true
    default: return false
    }
  }

  /// Board certifications TARA Mind accepts for the physician overseeing a clinic.
  public var isAcceptedOversightBoard: Bool {
    self == .anesthesiology || self == .emergencyMedicine || self == .psychiatry
  }
}
