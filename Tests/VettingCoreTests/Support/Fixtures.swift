import VettingCore

/// Shared fixtures: a fixed as-of day and an exemplary provider that meets every criterion of
/// rubric v1 with full-credit evidence and raises no flag. Tests break one thing at a time.
enum Fixtures {
  static let asOf = Day(year: 2026, month: 11, day: 21)!
  /// Comfortably in the future.
  static let nextYear = Day(year: 2027, month: 11, day: 30)!
  /// Before `asOf`: evidence expiring here has lapsed.
  static let lastYear = Day(year: 2025, month: 11, day: 30)!

  static let validNPI1 = "1234567893"
  static let validNPI2 = "1245319599"
  static let validNPI3 = "1003000126"
  static let validOrgNPI = "2000000002"

  /// A psychiatrist who both doses and does therapy: both roles, every credential verified.
  static func psychiatrist() -> Practitioner {
    var person = Practitioner(
      id: "dr-ames", name: "Dr. Rosa Ames, MD", roles: [.prescriber, .therapist],
      discipline: .psychiatry, npi: .registry(validNPI1),
      licenses: [
        License(
          state: "MI", type: "MD", number: "4301123", status: .active, provenance: .publicRegistry,
          expires: nextYear)
      ],
      trainings: [
        Training(
          program: .polaris, hours: 47, completed: Day(year: 2024, month: 5, day: 1),
          provenance: .verifiedByStaff),
        Training(
          program: .kriya, hours: 12, completed: Day(year: 2023, month: 3, day: 1),
          provenance: .verifiedByStaff),
      ],
      certifications: [
        Certification(kind: .acls, provenance: .verifiedByStaff, expires: nextYear)
      ])
    person.boardCertification = .registry(.psychiatry)
    person.kapSessionsDelivered = .verified(140)
    person.graduateDegree = .verified(true)
    person.yearsInPractice = .verified(15)
    person.traumaTraining = .verified(true)
    person.malpracticeInsurance = .verified(true)
    return person
  }

  /// A licensed marriage and family therapist with Fluence training.
  static func therapist() -> Practitioner {
    var person = Practitioner(
      id: "t-okafor", name: "Jo Okafor, LMFT", roles: [.therapist], discipline: .psychotherapy,
      npi: .registry(validNPI2),
      licenses: [
        License(
          state: "MI", type: "LMFT", number: "4101987", status: .active,
          provenance: .publicRegistry,
          expires: nextYear)
      ],
      trainings: [
        Training(
          program: .fluence, hours: 90, completed: Day(year: 2025, month: 2, day: 1),
          provenance: .verifiedByStaff)
      ],
      certifications: [
        Certification(kind: .bls, provenance: .verifiedByStaff, expires: nextYear)
      ])
    person.kapSessionsDelivered = .verified(60)
    person.graduateDegree = .verified(true)
    person.yearsInPractice = .verified(8)
    person.traumaTraining = .verified(true)
    person.malpracticeInsurance = .verified(true)
    return person
  }

  /// Every practice fact recorded, favourable, verified by staff.
  static func exemplaryPractice() -> PracticeProfile {
    var practice = PracticeProfile()
    practice.screening.psychiatricEvaluation = .verified(.inPerson)
    practice.screening.contraindicationsScreened = .verified(true)
    practice.screening.substanceUseScreened = .verified(true)
    practice.screening.urineToxicology = .verified(true)
    practice.screening.ratingScales = .verified(true)
    practice.screening.priorTreatmentsReviewed = .verified(true)
    practice.screening.comprehensiveHistory = .verified(true)
    practice.screening.medicalAssessment = .verified(true)
    practice.safety.vitalsBefore = .verified(true)
    practice.safety.continuousMonitoring = .verified(true)
    practice.safety.pulseOximetry = .verified(true)
    practice.safety.cardiacMonitoring = .verified(true)
    practice.safety.vitalsAfter = .verified(true)
    practice.safety.writtenStopRule = .verified(true)
    practice.safety.emergencyEquipment = .verified(true)
    practice.safety.adverseReactionProtocol = .verified(true)
    practice.safety.observationMinutes = .verified(150)
    practice.safety.recoverySpace = .verified(true)
    practice.safety.dischargeEscort = .verified(true)
    practice.safety.patientNeverLeftAlone = .verified(true)
    practice.safety.onePatientPerRoom = .verified(true)
    practice.safety.remsCertified = .registry(true)
    practice.integration.treatmentPlan = .verified(true)
    practice.integration.preparationSessions = .verified(true)
    practice.integration.supportDuringDosing = .verified(true)
    practice.integration.therapistsKetamineTrained = .verified(true)
    practice.integration.integrationSessions = .verified(true)
    practice.integration.integrationWithinHours = .verified(48)
    practice.integration.psychiatricEmergencyPlan = .verified(true)
    practice.home.evaluationBeforePrescribing = .verified(.inPerson)
    practice.home.inPersonEvaluation = .verified(true)
    practice.home.faceToFaceFollowUps = .verified(true)
    practice.home.sitterRequired = .verified(true)
    practice.home.maxDoseMg = .verified(300)
    practice.home.dosesPerFill = .verified(4)
    practice.home.checkIns = .verified(true)
    practice.home.bloodPressureCuff = .verified(true)
    practice.home.prescriptionMonitoringChecks = .verified(true)
    practice.home.misuseScreening = .verified(true)
    practice.home.formulations = [.verified(.oralLozenge)]
    practice.ethics.marketingReviewed = .verified(true)
    practice.ethics.advertisesExcludedConditions = .verified(false)
    practice.ethics.claims = []
    practice.ethics.adChannels = [.website, .referralsOnly]
    practice.ethics.risksDisclosed = .verified(true)
    practice.ethics.pricingPublished = .verified(true)
    practice.ethics.bundlesRequired = .verified(false)
    practice.ethics.prepaidPackagesRefundable = .verified(true)
    practice.ethics.consentCoversOffLabel = .verified(true)
    practice.ethics.definedCourse = .verified(true)
    practice.ethics.routineSedatives = .verified(false)
    practice.ethics.codeOfConductSigned = .verified(true)
    return practice
  }

  /// A clinic offering every route, so that every criterion and flag applies, with a psychiatrist
  /// and a therapist, every fact verified: it meets every criterion and raises no flag.
  static func exemplary() -> ProviderFacts {
    ProviderFacts(
      id: "exemplary", kind: .clinic, name: "Lakeside Ketamine Therapy",
      npi: .registry(validOrgNPI), statesServed: ["MI"], routes: Route.allCases,
      practitioners: [psychiatrist(), therapist()], affiliations: [],
      practice: exemplaryPractice())
  }

  static func assess(_ facts: ProviderFacts, asOf: Day = Fixtures.asOf) -> Assessment {
    Engine.assess(facts, rubric: .current, asOf: asOf)
  }
}
