/// The psychological care around dosing: the mental-health professional's duties.
public struct IntegrationPractice: Sendable, Hashable, Codable {
  /// An integrative treatment plan is written for each patient.
  public var treatmentPlan: Attested<Bool>?
  /// Preparation session(s) before the first dose.
  public var preparationSessions: Attested<Bool>?
  /// A mental-health professional supports the patient during dosing.
  public var supportDuringDosing: Attested<Bool>?
  /// Every therapist who works with dosing patients has ketamine-specific (KAP) training; the
  /// practice's own answer, beside the training records of the team.
  public var therapistsKetamineTrained: Attested<Bool>?
  /// Integration sessions after dosing.
  public var integrationSessions: Attested<Bool>?
  /// Hours between a dosing session and its integration session.
  public var integrationWithinHours: Attested<Int>?
  /// A plan for psychological and psychiatric emergencies (crisis, suicidality, referral).
  public var psychiatricEmergencyPlan: Attested<Bool>?

  /// An empty profile: nothing on record.
  public init() {}
}
