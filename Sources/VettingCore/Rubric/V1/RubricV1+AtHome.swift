extension RubricV1 {
  /// Highest oral/sublingual dose per session the rubric accepts (KRF: 100–400 mg per session).
  static let maxHomeDoseMg = 400
  /// Most doses dispensed at once: one induction series (seed 003: 6–8 sessions).
  static let maxDosesPerFill = 8

  static let atHome: [Criterion] = [
    Criterion(
      id: "home.evaluation-before-prescribing", area: .atHomeSupervision, points: 6,
      requirement: "The prescriber evaluates the patient live and at length (in person or full "
        + "video) before the first home prescription, not by questionnaire or a brief call. With "
        + "its length on record, a video evaluation is full when it lasts at least "
        + "\(liveVideoMinimumMinutes) minutes.",
      evidence: "Prescribing protocol and a redacted sample evaluation.",
      sources: [.asa, .askp3Home, .redFlagGuides, .seedPsychedelicSupport],
      applicability: .prescribesForHome
    ) { context in
      let home = context.facts.practice.home
      return context.liveEvaluation(
        .evaluationBeforePrescribing, home.evaluationBeforePrescribing,
        length: .evaluationBeforePrescribingMinutes, home.evaluationBeforePrescribingMinutes,
        liveVideoMinimum: liveVideoMinimumMinutes)
    },
    Criterion(
      id: "home.in-person-evaluation", area: .atHomeSupervision, points: 5,
      requirement: "The patient is evaluated in person before controlled-substance prescribing.",
      evidence: "Protocol requiring an in-person visit (Ryan Haight Act), and records of it.",
      sources: [.deaRyanHaight, .askp3Home, .askp3Settings], applicability: .prescribesForHome
    ) { context in
      context.yes(.inPersonEvaluation, context.facts.practice.home.inPersonEvaluation)
    },
    Criterion(
      id: "home.face-to-face-follow-up", area: .atHomeSupervision, points: 3,
      requirement: "Home dosing happens between periodic face-to-face visits with the prescriber.",
      evidence: "Follow-up schedule in the prescribing protocol.",
      sources: [.asa, .askp3Settings], applicability: .prescribesForHome
    ) { context in
      context.yes(.faceToFaceFollowUps, context.facts.practice.home.faceToFaceFollowUps)
    },
    Criterion(
      id: "home.sitter", area: .atHomeSupervision, points: 5,
      requirement: "An adult sitter is present at every home session.",
      evidence: "Patient agreement requiring a sitter; sitter instructions.",
      sources: [.atHomeCompanies, .redFlagGuides], applicability: .prescribesForHome
    ) { context in
      context.yes(.sitterRequired, context.facts.practice.home.sitterRequired)
    },
    Criterion(
      id: "home.dose-cap", area: .atHomeSupervision, points: 4,
      requirement: "A per-session dose cap of at most 400 mg oral/sublingual.",
      evidence: "Prescribing protocol stating the cap.",
      sources: [.krf, .asa, .redFlagGuides], applicability: .prescribesForHome
    ) { context in
      guard let cap = context.facts.practice.home.maxDoseMg else {
        return .none(Basis(.maxDoseMg, .missing))
      }
      guard let value = cap.value else {
        return .none(Basis(.maxDoseMg, .denied, detail: "no cap", provenance: cap.provenance))
      }
      return context.atMost(
        .maxDoseMg, Attested(value, cap.provenance, expires: cap.expires), maxHomeDoseMg,
        unit: .milligrams)
    },
    Criterion(
      id: "home.limited-supply", area: .atHomeSupervision, points: 4,
      requirement: "At most 8 doses dispensed per fill.",
      evidence: "Prescribing protocol or pharmacy records.",
      sources: [.krf, .redFlagGuides, .seedPsychedelicSupport], applicability: .prescribesForHome
    ) { context in
      context.atMost(
        .dosesPerFill, context.facts.practice.home.dosesPerFill, maxDosesPerFill, unit: .doses)
    },
    Criterion(
      id: "home.check-ins", area: .atHomeSupervision, points: 3,
      requirement: "Regular check-ins between sessions (daily contact, weekly PHQ-9/GAD-7).",
      evidence: "Monitoring protocol.",
      sources: [.atHomeCompanies, .asa], applicability: .prescribesForHome
    ) { context in
      context.yes(.checkIns, context.facts.practice.home.checkIns)
    },
    Criterion(
      id: "home.blood-pressure-cuff", area: .atHomeSupervision, points: 2,
      requirement: "A blood-pressure cuff is supplied and readings are required before dosing.",
      evidence: "Patient kit contents and protocol.",
      sources: [.atHomeCompanies, .fdaCompounded], applicability: .prescribesForHome
    ) { context in
      context.yes(.bloodPressureCuff, context.facts.practice.home.bloodPressureCuff)
    },
    Criterion(
      id: "home.prescription-monitoring", area: .atHomeSupervision, points: 3,
      requirement: "The prescription-drug monitoring program is checked before each fill.",
      evidence: "Prescribing protocol; PDMP query records.",
      sources: [.atHomeCompanies, .asa], applicability: .prescribesForHome
    ) { context in
      context.yes(
        .prescriptionMonitoringChecks, context.facts.practice.home.prescriptionMonitoringChecks)
    },
    Criterion(
      id: "home.misuse-screening", area: .atHomeSupervision, points: 3,
      requirement: "Periodic screening for misuse, diversion and bladder symptoms.",
      evidence: "Monitoring protocol (e.g. monthly substance and bladder screens).",
      sources: [.atHomeCompanies, .asa, .fdaCompounded, .krf], applicability: .prescribesForHome
    ) { context in
      context.yes(.misuseScreening, context.facts.practice.home.misuseScreening)
    },
  ]
}
