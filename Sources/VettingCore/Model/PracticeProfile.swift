/// The practice questionnaire: every fact the rubric asks about, grouped as the rubric is.
public struct PracticeProfile: Sendable, Hashable, Codable {
  /// Screening before treatment.
  public var screening: ScreeningPractice
  /// Physical safety during on-site dosing.
  public var safety: MedicalSafetyPractice
  /// Psychological care around dosing.
  public var integration: IntegrationPractice
  /// Supervision of home use.
  public var home: HomeSupervisionPractice
  /// Marketing, pricing and consent.
  public var ethics: EthicsPractice

  /// An empty profile: nothing on record.
  public init() {
    screening = ScreeningPractice()
    safety = MedicalSafetyPractice()
    integration = IntegrationPractice()
    home = HomeSupervisionPractice()
    ethics = EthicsPractice()
  }
}
