/// How a patient is evaluated before treatment or before a prescription.
public enum EvaluationMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// A clinician sees the patient in person.
  case inPerson = "in-person"
  /// A full live video assessment by a clinician.
  case liveVideo = "live-video"
  /// A short video call (minutes), the pattern the reference warns about.
  case briefVideo = "brief-video"
  /// A questionnaire with no live clinician contact.
  case questionnaireOnly = "questionnaire-only"

  /// Whether a clinician assesses the patient live and at length.
  public var isLiveAssessment: Bool { self == .inPerson || self == .liveVideo }
}
