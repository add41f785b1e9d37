extension RubricV1 {
  /// Hours of KAP training TARA Mind requires of a therapist ("more than 40 h").
  static let therapistTrainingHours = 40
  /// KAP sessions TARA Mind requires a therapist to have delivered.
  static let therapistSessions = 20
  /// Hours of ketamine-specific training for a prescriber (Journey Clinical's required course).
  static let prescriberTrainingHours = 6

  static let training: [Criterion] = [
    Criterion(
      id: "training.therapist-kap-hours", area: .training, points: 8,
      requirement: "Every therapist on the team completed at least 40 hours of ketamine-assisted "
        + "psychotherapy training.",
      evidence: "Completion certificates (program, hours, date); verified with the program for "
        + "full credit. Expired certificates do not count.",
      sources: [.taraMind, .trainingPrograms, .seedLifeWorks, .seedPsychedelicSupport]
    ) { context in
      context.everyPractitioner(.therapist, missing: .kapTraining) {
        context.trainingHours(of: $0, minimumHours: therapistTrainingHours, key: .kapTraining)
      }
    },
    Criterion(
      id: "training.recognised-program", area: .training, points: 3,
      requirement: "At least one therapist trained with a recognised KAP program (Polaris, "
        + "Fluence, CIIS, Ketamine Training Center, PRATI, Journey Clinical, KRIYA).",
      evidence: "Completion certificate from a listed program.",
      sources: [.trainingPrograms]
    ) { context in
      context.anyPractitioner(
        .therapist, missing: .kapTraining, missingDetail: "no therapist on the team"
      ) {
        context.trainingHours(of: $0, minimumHours: 1, key: .kapTraining, recognisedOnly: true)
      }
    },
    Criterion(
      id: "training.therapist-kap-experience", area: .training, points: 4,
      requirement: "Every therapist has delivered at least 20 KAP sessions.",
      evidence: "Session log or supervisor attestation.",
      sources: [.taraMind, .trainingPrograms, .seedLifeWorks]
    ) { context in
      context.everyPractitioner(.therapist, missing: .kapSessionsDelivered) {
        var result = context.atLeast(
          .kapSessionsDelivered, $0.kapSessionsDelivered, therapistSessions, unit: .sessions)
        result.basis.subject = $0.name
        return result
      }
    },
    Criterion(
      id: "training.trauma-training", area: .training, points: 3,
      requirement: "Every therapist has trauma-therapy training.",
      evidence: "Training certificate (e.g. EMDR, somatic therapy, trauma-focused CBT).",
      sources: [.taraMind, .seedKAIR]
    ) { context in
      context.everyPractitioner(.therapist, missing: .traumaTraining) {
        context.yes(.traumaTraining, $0.traumaTraining, subject: $0.name)
      }
    },
    Criterion(
      id: "training.therapist-qualifications", area: .training, points: 3,
      requirement: "Every therapist holds a master's degree or higher and has at least one year "
        + "in practice.",
      evidence: "Degree and practice history (license issue date or CV).",
      sources: [.taraMind]
    ) { context in
      context.everyPractitioner(.therapist, missing: .graduateDegree) { practitioner in
        let degree = context.yes(
          .graduateDegree, practitioner.graduateDegree, subject: practitioner.name)
        var years = context.atLeast(
          .yearsInPractice, practitioner.yearsInPractice, 1, unit: .years)
        years.basis.subject = practitioner.name
        return degree.credit <= years.credit ? degree : years
      }
    },
    Criterion(
      id: "training.prescriber-ketamine-training", area: .training, points: 4,
      requirement: "Every prescriber on the team completed ketamine-specific training (at least "
        + "6 hours) beyond anesthesia or pain practice.",
      evidence: "Completion certificate (program, hours, date).",
      sources: [.seedPsychedelicSupport, .trainingPrograms, .ketamineOath],
      applicability: .ownPrescriber
    ) { context in
      context.everyPractitioner(.prescriber, missing: .prescriberTraining) {
        context.trainingHours(
          of: $0, minimumHours: prescriberTrainingHours, key: .prescriberTraining)
      }
    },
  ]
}
