/// How a patient is evaluated before treatment or before a prescription.
public enum EvaluationMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// A clinician sees the patient in person.
  case inPerson = "in-person"
  /// A full live video assessment by a clinician. With its length on record, the rubric's
  /// boundary in minutes decides whether it was full or brief.
  case liveVideo = "live-video"
  /// A short video call, the pattern the reference warns about. With its length on record, the
  /// rubric's boundary in minutes decides, as for ``liveVideo``.
  case briefVideo = "brief-video"
  /// A questionnaire with no live clinician contact.
  case questionnaireOnly = "questionnaire-only"

  /// Whether a clinician assesses the patient live and at length, judged from the mode alone
  /// (the reading used when the evaluation's length is not on record).
  public var isLiveAssessment: Bool { self == .inPerson || self == .liveVideo }

  /// Whether the evaluation is by video, so that its length in minutes decides whether it was
  /// live or brief.
  public var isVideo: Bool { self == .liveVideo || self == .briefVideo }
}
