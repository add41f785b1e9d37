extension RubricV1 {
  static let screening: [Criterion] = [
    Criterion(
      id: "screening.psychiatric-evaluation", area: .screening, points: 8,
      requirement: "A clinician does an intake interview and psychiatric diagnostic assessment, in "
        + "person or by full live video, before the first dose (not a questionnaire alone). With "
        + "its length on record, a video evaluation is full when it lasts at least "
        + "\(liveVideoMinimumMinutes) minutes.",
      evidence: "Intake protocol and a redacted sample evaluation.",
      sources: [.ketamineOath, .apaConsensus, .krf, .seedKAIR, .seedPsychedelicSupport]
    ) { context in
      let screening = context.facts.practice.screening
      return context.liveEvaluation(
        .psychiatricEvaluation, screening.psychiatricEvaluation,
        length: .psychiatricEvaluationMinutes, screening.psychiatricEvaluationMinutes,
        liveVideoMinimum: liveVideoMinimumMinutes)
    },
    Criterion(
      id: "screening.contraindications", area: .screening, points: 6,
      requirement: "Contraindications are screened: psychosis, mania, uncontrolled hypertension, "
        + "unstable heart disease or recent stroke, raised intracranial pressure, pregnancy, "
        + "porphyria, dementia, prior ketamine misuse or allergy.",
      evidence: "Screening form covering each contraindication.",
      sources: [.apaConsensus, .apna, .seedKAIR, .seedLifeWorks, .seedGPS, .seedSafeHarbor]
    ) { context in
      context.yes(
        .contraindicationsScreened, context.facts.practice.screening.contraindicationsScreened)
    },
    Criterion(
      id: "screening.substance-use", area: .screening, points: 5,
      requirement: "Substance-use history is taken before treatment.",
      evidence: "Screening form or intake protocol section.",
      sources: [.apaConsensus, .krf, .apna, .seedKAIR]
    ) { context in
      context.yes(.substanceUseScreened, context.facts.practice.screening.substanceUseScreened)
    },
    Criterion(
      id: "screening.urine-toxicology", area: .screening, points: 2,
      requirement: "Urine toxicology is done at baseline when indicated.",
      evidence: "Protocol naming when urine toxicology is ordered.",
      sources: [.apaConsensus, .apna, .seedPsychedelicSupport]
    ) { context in
      context.yes(.urineToxicology, context.facts.practice.screening.urineToxicology)
    },
    Criterion(
      id: "screening.rating-scales", area: .screening, points: 3,
      requirement: "Baseline symptom severity is measured with rating scales (PHQ-9, C-SSRS or "
        + "equivalent).",
      evidence: "Intake packet with the scales.",
      sources: [.apaConsensus, .apna]
    ) { context in
      context.yes(.ratingScales, context.facts.practice.screening.ratingScales)
    },
    Criterion(
      id: "screening.prior-treatments", area: .screening, points: 3,
      requirement: "Prior treatment trials and records are reviewed; ketamine follows adequate "
        + "trials of other treatments.",
      evidence: "Intake protocol requiring records and treatment history.",
      sources: [.apaConsensus, .vaDoD, .seedKAIR, .seedPsychedelicSupport]
    ) { context in
      context.yes(
        .priorTreatmentsReviewed, context.facts.practice.screening.priorTreatmentsReviewed)
    },
    Criterion(
      id: "screening.comprehensive-history", area: .screening, points: 2,
      requirement:
        "The pre-treatment assessment covers trauma, relationships, family and finances.",
      evidence: "Intake protocol.",
      sources: [.krf]
    ) { context in
      context.yes(.comprehensiveHistory, context.facts.practice.screening.comprehensiveHistory)
    },
    Criterion(
      id: "screening.medical-assessment", area: .screening, points: 5,
      requirement: "The medical professional assesses the patient's physical condition (history, "
        + "baseline blood pressure) before treatment.",
      evidence: "Medical intake protocol or the partner prescriber's assessment protocol.",
      sources: [.ketamineOath, .apaConsensus, .apna, .seedLifeWorks]
    ) { context in
      context.yes(.medicalAssessment, context.facts.practice.screening.medicalAssessment)
    },
  ]
}
