extension RubricV1 {
  /// Latest an integration session should follow dosing (KRF: "within days"; seed 003: 24–48 h).
  static let integrationWithinHours = 72

  static let integration: [Criterion] = [
    Criterion(
      id: "integration.mental-health-professional", area: .integration, points: 8,
      requirement: "A licensed mental-health professional holds the mental-health role for every "
        + "patient, on the team or as a named partner.",
      evidence: "A therapist on the team in a mental-health discipline with an active license, or "
        + "a partnership agreement with a therapist.",
      sources: [.ketamineOath, .seedPsychedelicSupport, .seedLifeWorks, .seedGPS]
    ) { context in
      mentalHealthProfessional(context)
    },
    Criterion(
      id: "integration.treatment-plan", area: .integration, points: 4,
      requirement: "Each patient has an integrative treatment plan.",
      evidence: "Treatment-plan template and a redacted sample.",
      sources: [.ketamineOath, .asa, .krf]
    ) { context in
      context.yes(.treatmentPlan, context.facts.practice.integration.treatmentPlan)
    },
    Criterion(
      id: "integration.preparation", area: .integration, points: 5,
      requirement: "Patients have preparation before dosing (intentions, what to expect).",
      evidence: "Protocol requiring at least one preparation session.",
      sources: [.ketamineOath, .krf, .seedGPS]
    ) { context in
      context.yes(.preparationSessions, context.facts.practice.integration.preparationSessions)
    },
    Criterion(
      id: "integration.support-during-dosing", area: .integration, points: 4,
      requirement: "A mental-health professional supports the patient during dosing.",
      evidence: "Session protocol naming who is present.",
      sources: [.ketamineOath, .seedLifeWorks, .seedGPS]
    ) { context in
      context.yes(.supportDuringDosing, context.facts.practice.integration.supportDuringDosing)
    },
    Criterion(
      id: "integration.integration-sessions", area: .integration, points: 6,
      requirement: "Every dosing session is followed by an integration session.",
      evidence: "Protocol and schedule pairing dosing and integration sessions.",
      sources: [.ketamineOath, .krf, .seedGPS, .seedLifeWorks, .seedKAIR]
    ) { context in
      context.yes(.integrationSessions, context.facts.practice.integration.integrationSessions)
    },
    Criterion(
      id: "integration.timely-integration", area: .integration, points: 3,
      requirement: "Integration follows dosing within 72 hours.",
      evidence: "Protocol stating the interval.",
      sources: [.krf, .seedLifeWorks]
    ) { context in
      context.atMost(
        .integrationWithinHours, context.facts.practice.integration.integrationWithinHours,
        integrationWithinHours, unit: .hours)
    },
    Criterion(
      id: "integration.psychiatric-emergency-plan", area: .integration, points: 4,
      requirement: "There is a plan for psychological and psychiatric emergencies (crisis, "
        + "suicidality, referral).",
      evidence: "Written emergency plan.",
      sources: [.ketamineOath, .askp3PatientGuide]
    ) { context in
      context.yes(
        .psychiatricEmergencyPlan, context.facts.practice.integration.psychiatricEmergencyPlan)
    },
  ]

  /// The strongest evidence that someone holds the mental-health role: a licensed therapist on the
  /// team in a mental-health discipline, or a current therapist partnership.
  static func mentalHealthProfessional(_ context: EvaluationContext) -> Evaluation {
    var best = Pick.strongest()
    context.facts.practitioners.forEachBorrowed { practitioner in
      guard practitioner.isTherapist && practitioner.discipline.isMentalHealth else { return }
      var result = context.bestLicense(of: practitioner)
      result.basis.fact = .mentalHealthProfessional
      if let training = practitioner.psychotherapyTraining, training.value,
        practitioner.isPrescriber
      {
        // The person holds both roles: say why they count in the mental-health one.
        let why =
          "counted as therapist: \(practitioner.discipline.rawValue) with psychotherapy training "
          + "(\(training.provenance.phrase))"
        result.basis.detail = result.basis.detail.map { $0 + "; " + why } ?? why
      }
      best.offer(result)
    }
    context.facts.affiliations.forEachBorrowed { affiliation in
      guard affiliation.role == .therapist else { return }
      let expired = affiliation.expires.map { $0 < context.asOf } ?? false
      let result = Evaluation(
        credit: expired ? 0 : context.credit(affiliation.provenance),
        basis: Basis(
          .mentalHealthProfessional, expired ? .expired : .affirmed,
          detail: expired ? nil : "partner", provenance: affiliation.provenance,
          date: affiliation.expires, subject: affiliation.partnerName))
      best.offer(result)
    }
    return best.chosen
      ?? .none(
        Basis(
          .mentalHealthProfessional, .missing,
          detail: "no therapist in a mental-health discipline on the team or as a partner"))
  }
}
