/// How patients are screened before the first dose.
public struct ScreeningPractice: Sendable, Hashable, Codable {
  /// How the psychiatric diagnostic evaluation is done.
  public var psychiatricEvaluation: Attested<EvaluationMode>?
  /// How long the psychiatric evaluation lasts, in minutes. For a video evaluation it decides
  /// whether the evaluation is live or brief (the rubric states the boundary); without it, the
  /// mode as recorded decides.
  public var psychiatricEvaluationMinutes: Attested<Int>?
  /// Contraindications screened: psychosis, mania, uncontrolled hypertension, unstable heart
  /// disease or recent stroke, raised intracranial pressure, pregnancy, porphyria, dementia,
  /// prior ketamine misuse or allergy.
  public var contraindicationsScreened: Attested<Bool>?
  /// Substance-use history taken.
  public var substanceUseScreened: Attested<Bool>?
  /// Urine toxicology when indicated.
  public var urineToxicology: Attested<Bool>?
  /// Baseline rating scales (PHQ-9, C-SSRS or equivalent).
  public var ratingScales: Attested<Bool>?
  /// Prior treatment trials and records reviewed.
  public var priorTreatmentsReviewed: Attested<Bool>?
  /// Comprehensive history: trauma, relationships, family, finances.
  public var comprehensiveHistory: Attested<Bool>?
  /// Physical condition assessed by the medical professional (history, baseline blood pressure).
  public var medicalAssessment: Attested<Bool>?

  /// An empty profile: nothing on record.
  public init() {}
}
