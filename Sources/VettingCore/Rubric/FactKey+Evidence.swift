extension FactKey {
  /// The facts an evidence item can prove: the ones the directory reads evidence for when it
  /// assembles a provider's facts (the practice facts, the practitioner credentials, and a license
  /// or training row). Evidence naming any other fact would never change an assessment, so the
  /// directory refuses it and lists these instead.
  public static let evidenceSubjects: [FactKey] = [
    .organisationNPI, .npi, .license, .kapTraining, .trainingCertificate, .prescriberTraining,
    .kapSessionsDelivered, .malpracticeInsurance, .graduateDegree, .traumaTraining,
    .yearsInPractice, .psychotherapyTraining, .lifeSupportCertificate, .clinicOversight,
    .psychiatricEvaluation, .psychiatricEvaluationMinutes, .contraindicationsScreened,
    .substanceUseScreened, .urineToxicology,
    .ratingScales, .priorTreatmentsReviewed, .comprehensiveHistory, .medicalAssessment,
    .vitalsBefore, .continuousMonitoring, .pulseOximetry, .cardiacMonitoring, .vitalsAfter,
    .writtenStopRule, .emergencyEquipment,
    .adverseReactionProtocol, .observationMinutes, .recoverySpace, .dischargeEscort,
    .patientNeverLeftAlone, .onePatientPerRoom, .remsCertified, .treatmentPlan,
    .preparationSessions, .supportDuringDosing,
    .therapistsKetamineTrained, .integrationSessions, .integrationWithinHours,
    .psychiatricEmergencyPlan, .evaluationBeforePrescribing, .evaluationBeforePrescribingMinutes,
    .inPersonEvaluation,
    .faceToFaceFollowUps, .sitterRequired, .maxDoseMg, .dosesPerFill, .checkIns,
    .bloodPressureCuff, .prescriptionMonitoringChecks, .misuseScreening, .marketingReviewed,
    .advertisesExcludedConditions,
    .risksDisclosed, .pricingPublished, .bundlesRequired,
    .prepaidPackagesRefundable, .consentCoversOffLabel, .definedCourse,
    .routineSedatives, .codeOfConductSigned,
  ]

  /// The row an evidence subject proves, when it proves one: `license` evidence names its
  /// license, training evidence its training.
  public var evidenceRow: String? {
    switch self {
    case .license: return "license_id"
    case .kapTraining, .trainingCertificate, .prescriberTraining: return "training_id"
    default: return nil
    }
  }
}
