/// How prescriptions for home use are supervised.
public struct HomeSupervisionPractice: Sendable, Hashable, Codable {
  /// How the patient is evaluated before the first home prescription.
  public var evaluationBeforePrescribing: Attested<EvaluationMode>?
  /// How long that evaluation lasts, in minutes. For a video evaluation it decides whether the
  /// evaluation is live or brief (the rubric states the boundary); without it, the mode as
  /// recorded decides.
  public var evaluationBeforePrescribingMinutes: Attested<Int>?
  /// The prescriber (or their team) has evaluated the patient in person.
  public var inPersonEvaluation: Attested<Bool>?
  /// Periodic face-to-face visits with the prescriber between home doses.
  public var faceToFaceFollowUps: Attested<Bool>?
  /// An adult sitter (peer treatment monitor) must be present at every home session.
  public var sitterRequired: Attested<Bool>?
  /// The maximum dose per session in mg; a `nil` value records that there is no cap.
  public var maxDoseMg: Attested<Int?>?
  /// Doses dispensed per fill.
  public var dosesPerFill: Attested<Int>?
  /// Regular check-ins between sessions (daily contact, weekly PHQ-9/GAD-7).
  public var checkIns: Attested<Bool>?
  /// A blood-pressure cuff is supplied and readings are required.
  public var bloodPressureCuff: Attested<Bool>?
  /// The prescription-drug monitoring program is checked before each fill.
  public var prescriptionMonitoringChecks: Attested<Bool>?
  /// Periodic screening for misuse and bladder symptoms.
  public var misuseScreening: Attested<Bool>?
  /// What is dispensed for home use: `nil` when not on record (unknown), `[]` when nothing is
  /// dispensed for home use.
  public var formulations: [Attested<HomeFormulation>]?

  /// An empty group: nothing on record, every fact unknown.
  public init() {}
}
