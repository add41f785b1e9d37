import Testing
import VettingCore

/// For one criterion: how to break it on the exemplary provider (it must then be not met), and
/// how to weaken its evidence to self-reported (it must then be partly met), when that applies.
struct CriterionCase: Sendable, CustomTestStringConvertible {
  let id: String
  let breakIt: @Sendable (inout ProviderFacts) -> Void
  let weaken: (@Sendable (inout ProviderFacts) -> Void)?

  var testDescription: String { id }

  init(
    _ id: String, weaken: (@Sendable (inout ProviderFacts) -> Void)? = nil,
    breakIt: @escaping @Sendable (inout ProviderFacts) -> Void
  ) {
    self.id = id
    self.breakIt = breakIt
    self.weaken = weaken
  }

  static let all: [CriterionCase] = [
    // Licensure.
    CriterionCase(
      "licensure.active-license",
      weaken: { facts in
        for index in facts.practitioners.indices {
          facts.practitioners[index].licenses[0].provenance = .selfReported
        }
      },
      breakIt: { $0.practitioners[1].licenses[0].status = .inactive }
    ),
    CriterionCase("licensure.licensed-in-served-states") { $0.statesServed = ["MI", "OH"] },
    CriterionCase(
      "licensure.valid-npi",
      weaken: { facts in
        for index in facts.practitioners.indices {
          facts.practitioners[index].npi?.provenance = .selfReported
        }
      },
      breakIt: { $0.practitioners[0].npi = .registry("1234567890") }
    ),
    CriterionCase("licensure.malpractice-insurance") {
      $0.practitioners[1].malpracticeInsurance = .verified(false)
    },
    CriterionCase("licensure.physician-oversight") {
      $0.practitioners[0].boardCertification = .registry(.primaryCare)
    },
    // Training.
    CriterionCase(
      "training.therapist-kap-hours",
      weaken: { facts in
        for index in facts.practitioners.indices {
          for training in facts.practitioners[index].trainings.indices {
            facts.practitioners[index].trainings[training].provenance = .selfReported
          }
        }
      },
      breakIt: { $0.practitioners[1].trainings[0].hours = 20 }
    ),
    CriterionCase("training.recognised-program") { facts in
      for index in facts.practitioners.indices {
        for training in facts.practitioners[index].trainings.indices {
          facts.practitioners[index].trainings[training].program = .other
        }
      }
    },
    CriterionCase("training.therapist-kap-experience") {
      $0.practitioners[1].kapSessionsDelivered = .verified(5)
    },
    CriterionCase("training.trauma-training") { $0.practitioners[0].traumaTraining = nil },
    CriterionCase("training.therapist-qualifications") {
      $0.practitioners[1].yearsInPractice = .verified(0)
    },
    CriterionCase("training.prescriber-ketamine-training") {
      $0.practitioners[0].trainings = []
    },
    // Screening.
    CriterionCase(
      "screening.psychiatric-evaluation",
      weaken: { $0.practice.screening.psychiatricEvaluation = .selfReported(.liveVideo) },
      breakIt: { $0.practice.screening.psychiatricEvaluation = .verified(.questionnaireOnly) }
    ),
    CriterionCase(
      "screening.contraindications",
      weaken: { $0.practice.screening.contraindicationsScreened = .selfReported(true) },
      breakIt: { $0.practice.screening.contraindicationsScreened = .verified(false) }
    ),
    CriterionCase(
      "screening.substance-use",
      weaken: { $0.practice.screening.substanceUseScreened = .document(true) },
      breakIt: { $0.practice.screening.substanceUseScreened = nil }
    ),
    CriterionCase("screening.urine-toxicology") {
      $0.practice.screening.urineToxicology = .verified(false)
    },
    CriterionCase("screening.rating-scales") {
      $0.practice.screening.ratingScales = .verified(true, expires: Fixtures.lastYear)
    },
    CriterionCase("screening.prior-treatments") {
      $0.practice.screening.priorTreatmentsReviewed = nil
    },
    CriterionCase("screening.comprehensive-history") {
      $0.practice.screening.comprehensiveHistory = .verified(false)
    },
    CriterionCase("screening.medical-assessment") {
      $0.practice.screening.medicalAssessment = .verified(false)
    },
    // Integration.
    CriterionCase("integration.mental-health-professional") { facts in
      facts.practitioners[0].discipline = .anesthesiology
      facts.practitioners[1].discipline = .other
    },
    CriterionCase(
      "integration.treatment-plan",
      weaken: { $0.practice.integration.treatmentPlan = .selfReported(true) },
      breakIt: { $0.practice.integration.treatmentPlan = nil }
    ),
    CriterionCase("integration.preparation") {
      $0.practice.integration.preparationSessions = .verified(false)
    },
    CriterionCase("integration.support-during-dosing") {
      $0.practice.integration.supportDuringDosing = .verified(false)
    },
    CriterionCase("integration.integration-sessions") {
      $0.practice.integration.integrationSessions = .verified(false)
    },
    CriterionCase(
      "integration.timely-integration",
      weaken: { $0.practice.integration.integrationWithinHours = .selfReported(24) },
      breakIt: { $0.practice.integration.integrationWithinHours = .verified(120) }
    ),
    CriterionCase("integration.psychiatric-emergency-plan") {
      $0.practice.integration.psychiatricEmergencyPlan = nil
    },
    // Medical safety.
    CriterionCase("safety.vitals-before") { $0.practice.safety.vitalsBefore = .verified(false) },
    CriterionCase("safety.continuous-monitoring") {
      $0.practice.safety.continuousMonitoring = nil
    },
    CriterionCase("safety.vitals-after") { $0.practice.safety.vitalsAfter = .verified(false) },
    CriterionCase("safety.stop-rule") { $0.practice.safety.writtenStopRule = nil },
    CriterionCase("safety.certified-staff") { facts in
      for index in facts.practitioners.indices {
        facts.practitioners[index].certifications[0].expires = Fixtures.lastYear
      }
    },
    CriterionCase("safety.emergency-equipment") {
      $0.practice.safety.emergencyEquipment = .verified(false)
    },
    CriterionCase("safety.adverse-reaction-protocol") {
      $0.practice.safety.adverseReactionProtocol = nil
    },
    CriterionCase(
      "safety.observation-time",
      weaken: { $0.practice.safety.observationMinutes = .selfReported(120) },
      breakIt: { $0.practice.safety.observationMinutes = .verified(45) }
    ),
    CriterionCase("safety.recovery-space") { $0.practice.safety.recoverySpace = .verified(false) },
    CriterionCase("safety.discharge-escort") { $0.practice.safety.dischargeEscort = nil },
    CriterionCase("safety.never-alone") {
      $0.practice.safety.patientNeverLeftAlone = .verified(false)
    },
    CriterionCase("safety.one-patient-per-room") {
      $0.practice.safety.onePatientPerRoom = .verified(false)
    },
    CriterionCase("safety.rems-certified") { $0.practice.safety.remsCertified = .verified(false) },
    // At home.
    CriterionCase(
      "home.evaluation-before-prescribing",
      weaken: { $0.practice.home.evaluationBeforePrescribing = .selfReported(.liveVideo) },
      breakIt: { $0.practice.home.evaluationBeforePrescribing = .verified(.briefVideo) }
    ),
    CriterionCase("home.in-person-evaluation") {
      $0.practice.home.inPersonEvaluation = .verified(false)
    },
    CriterionCase("home.face-to-face-follow-up") {
      $0.practice.home.faceToFaceFollowUps = nil
    },
    CriterionCase("home.sitter") { $0.practice.home.sitterRequired = .verified(false) },
    CriterionCase(
      "home.dose-cap",
      weaken: { $0.practice.home.maxDoseMg = .selfReported(400) },
      breakIt: { $0.practice.home.maxDoseMg = .verified(nil) }
    ),
    CriterionCase("home.limited-supply") { $0.practice.home.dosesPerFill = .verified(30) },
    CriterionCase("home.check-ins") { $0.practice.home.checkIns = .verified(false) },
    CriterionCase("home.blood-pressure-cuff") { $0.practice.home.bloodPressureCuff = nil },
    CriterionCase("home.prescription-monitoring") {
      $0.practice.home.prescriptionMonitoringChecks = .verified(false)
    },
    CriterionCase("home.misuse-screening") { $0.practice.home.misuseScreening = nil },
    // Ethics and marketing.
    CriterionCase(
      "ethics.no-outcome-promises",
      weaken: { $0.practice.ethics.marketingReviewed = .selfReported(true) },
      breakIt: { $0.practice.ethics.claims = [.verified(.cure)] }
    ),
    CriterionCase("ethics.accurate-claims") {
      $0.practice.ethics.claims = [.verified(.nonAddictive)]
    },
    CriterionCase("ethics.risks-disclosed") {
      $0.practice.ethics.risksDisclosed = .verified(false)
    },
    CriterionCase("ethics.transparent-pricing") {
      $0.practice.ethics.pricingPublished = .verified(false)
    },
    CriterionCase(
      "ethics.no-bundle-pressure",
      weaken: { $0.practice.ethics.bundlesRequired = .selfReported(false) },
      breakIt: { $0.practice.ethics.bundlesRequired = .verified(true) }
    ),
    CriterionCase("ethics.informed-consent") {
      $0.practice.ethics.consentCoversOffLabel = .verified(false)
    },
    CriterionCase("ethics.defined-course") { $0.practice.ethics.definedCourse = nil },
    CriterionCase("ethics.no-routine-sedatives") {
      $0.practice.ethics.routineSedatives = .verified(true)
    },
    CriterionCase("ethics.code-of-conduct") { $0.practice.ethics.codeOfConductSigned = nil },
  ]
}
