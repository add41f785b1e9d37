import Foundation
import VettingAPI

/// The providers the reachability test builds through the Admin API.
enum ReachabilityShapes {
  /// The whole questionnaire recorded as best practice, staff-verified.
  static var exemplaryPractice: [String: Any] {
    [
      "screening": [
        "psychiatricEvaluation": verified("in-person"),
        "contraindicationsScreened": verified(true), "substanceUseScreened": verified(true),
        "urineToxicology": verified(true), "ratingScales": verified(true),
        "priorTreatmentsReviewed": verified(true), "comprehensiveHistory": verified(true),
        "medicalAssessment": verified(true),
      ],
      "safety": [
        "vitalsBefore": verified(true), "continuousMonitoring": verified(true),
        "pulseOximetry": verified(true), "cardiacMonitoring": verified(true),
        "vitalsAfter": verified(true), "writtenStopRule": verified(true),
        "emergencyEquipment": verified(true), "adverseReactionProtocol": verified(true),
        "observationMinutes": verified(120), "recoverySpace": verified(true),
        "dischargeEscort": verified(true), "patientNeverLeftAlone": verified(true),
        "onePatientPerRoom": verified(true), "remsCertified": verified(true),
      ],
      "integration": [
        "treatmentPlan": verified(true), "preparationSessions": verified(true),
        "supportDuringDosing": verified(true), "therapistsKetamineTrained": verified(true),
        "integrationSessions": verified(true),
        "integrationWithinHours": verified(48), "psychiatricEmergencyPlan": verified(true),
      ],
      "home": [
        "evaluationBeforePrescribing": verified("in-person"), "inPersonEvaluation": verified(true),
        "faceToFaceFollowUps": verified(true), "sitterRequired": verified(true),
        "maxDoseMg": verified(300), "dosesPerFill": verified(6), "checkIns": verified(true),
        "bloodPressureCuff": verified(true), "prescriptionMonitoringChecks": verified(true),
        "misuseScreening": verified(true), "formulations": [verified("oral-lozenge")],
      ],
      "ethics": [
        "marketingReviewed": verified(true), "claims": [] as [Any],
        "adChannels": ["website", "referrals-only"], "risksDisclosed": verified(true),
        "pricingPublished": verified(true), "bundlesRequired": verified(false),
        "prepaidPackagesRefundable": verified(true),
        "consentCoversOffLabel": verified(true), "definedCourse": verified(true),
        "routineSedatives": verified(false), "codeOfConductSigned": verified(true),
        "advertisesExcludedConditions": verified(false),
      ],
    ]
  }

  /// Every practice the red flags name, recorded as found.
  static var failingPractice: [String: Any] {
    [
      "screening": [
        "contraindicationsScreened": verified(false), "substanceUseScreened": verified(false),
      ],
      "safety": [
        "continuousMonitoring": verified(false), "pulseOximetry": verified(false),
        "patientNeverLeftAlone": verified(false),
        "onePatientPerRoom": verified(false), "remsCertified": verified(false),
      ],
      "integration": [
        "preparationSessions": verified(false), "integrationSessions": verified(false),
        "supportDuringDosing": verified(false), "therapistsKetamineTrained": verified(false),
      ],
      "home": [
        "evaluationBeforePrescribing": verified("questionnaire-only"),
        "inPersonEvaluation": verified(false), "faceToFaceFollowUps": verified(false),
        "sitterRequired": verified(false),
        "maxDoseMg": verified(800), "dosesPerFill": verified(30),
        "formulations": [verified("injection"), verified("nasal-spray")],
      ],
      "ethics": [
        "claims": [
          verified("cure"), verified("fda-approved-for-depression"), verified("non-addictive"),
        ],
        "adChannels": ["billboard", "social-media"], "risksDisclosed": verified(false),
        "pricingPublished": verified(false), "bundlesRequired": verified(true),
        "prepaidPackagesRefundable": verified(false),
        "consentCoversOffLabel": verified(false), "definedCourse": verified(false),
        "routineSedatives": verified(true), "advertisesExcludedConditions": verified(true),
      ],
    ]
  }

  /// An IV, esketamine and at-home clinic run as the guidelines ask: a psychiatrist with
  /// psychotherapy training in both roles (board-certified, trained, experienced) and a nurse
  /// with a current ACLS certificate. Earns every criterion in full.
  static func exemplaryClinic(_ onboard: Onboarding) async throws -> String {
    let clinic = try await onboard.clinic("Exemplary Ketamine Clinic")
    let psychiatrist = try await onboard.practitioner(
      "Maya", "Okafor", roles: [.prescriber], discipline: "psychiatry"
    ) {
      $0.credentials = "MD"
      $0.psychotherapyTrained = true
      $0.practiceStartedOn = Onboarding.day(2012, 9, 1)
      $0.kapSessionsDelivered = 120
    }
    try await onboard.license(psychiatrist, type: "MD")
    try await onboard.training(psychiatrist, hours: 60)
    try await onboard.boardCertification(psychiatrist, specialty: "psychiatry")
    for subject in [
      "npi", "malpractice-insurance", "graduate-degree", "trauma-training", "years-in-practice",
      "kap-sessions-delivered", "psychotherapy-training",
    ] {
      try await onboard.verifiedEvidence(psychiatrist.id, subject)
    }
    let nurse = try await onboard.practitioner(
      "Lee", "Park", roles: [.nurse], discipline: "other", npi: false)
    try await onboard.license(nurse, type: "RN")
    _ = try await onboard.certificate(
      nurse, .acls, issued: Onboarding.day(2025, 3, 1), expires: Onboarding.day(2030, 3, 1))
    try await onboard.affiliate(psychiatrist, to: clinic, as: .medicalDirector)
    try await onboard.affiliate(nurse, to: clinic, as: .nurse)
    try await onboard.profile(
      clinic.id, routes: ["iv", "intranasal-esketamine", "at-home"], practice: exemplaryPractice)
    return clinic.id
  }

  /// A clinic doing everything the red flags name: a suspended, a probationary and an expired
  /// license, an NPI the NPPES registry lists as deactivated, an expired ACLS certificate, an
  /// unlicensed "therapist" outside any mental-health discipline, and every bad practice on the
  /// questionnaire.
  static func failingClinic(_ onboard: Onboarding) async throws -> String {
    let clinic = try await onboard.clinic("Failing Ketamine Clinic")
    let anesthesiologist = try await onboard.practitioner(
      "Rex", "Vance", roles: [.prescriber], discipline: "anesthesiology"
    ) { $0.npiStatus = "deactivated" }
    let suspended = try await onboard.license(anesthesiologist, type: "MD")
    _ = try await onboard.harness.admin.updateLicenseStatus(
      .with {
        $0.licenseID = suspended.id
        $0.expectedVersion = suspended.version
        $0.status = .suspended
        $0.reason = "Board order"
      }, metadata: onboard.harness.metadata(.admin))
    try await onboard.license(anesthesiologist, type: "DO", status: .probation)
    try await onboard.license(anesthesiologist, type: "DEA", expires: Onboarding.day(2022, 1, 31))
    _ = try await onboard.certificate(
      anesthesiologist, .acls, issued: Onboarding.day(2020, 1, 1),
      expires: Onboarding.day(2022, 1, 1))
    let coach = try await onboard.practitioner(
      "Sky", "Rivers", roles: [.therapist], discipline: "other", npi: false)
    try await onboard.affiliate(anesthesiologist, to: clinic, as: .prescriber)
    try await onboard.affiliate(coach, to: clinic, as: .therapist)
    try await onboard.profile(
      clinic.id, routes: ["iv", "intranasal-esketamine", "at-home"], practice: failingPractice)
    return clinic.id
  }

  /// A licensed counselor in private practice with no prescriber, on the team or as a partner.
  static func counselorWithoutPrescriber(_ onboard: Onboarding) async throws -> String {
    let counselor = try await onboard.practitioner(
      "Dana", "Reyes", roles: [.therapist], discipline: "psychotherapy", solo: true
    ) { $0.credentials = "LPC" }
    try await onboard.license(counselor, type: "LPC")
    try await onboard.profile(counselor.id, routes: ["sublingual-lozenge"], practice: [:])
    return counselor.id
  }
}
