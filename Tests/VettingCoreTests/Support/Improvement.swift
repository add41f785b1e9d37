import VettingCore

/// Ways of adding verified, favourable evidence to a provider: each one is more evidence for
/// some criterion, never a change of what the provider offers.
enum Improvement: CaseIterable {
  case verifyBooleanFact
  case upgradeProvenance
  case addVerifiedTraining
  case addVerifiedCertificate
  case addVerifiedLicense
  case verifyNPI
  case verifyNumbers

  typealias BoolFact = WritableKeyPath<PracticeProfile, Attested<Bool>?>

  /// Boolean facts with their favourable value.
  static var booleanFacts: [(BoolFact, Bool)] {
    [
      (\.screening.contraindicationsScreened, true), (\.screening.substanceUseScreened, true),
      (\.screening.urineToxicology, true), (\.screening.ratingScales, true),
      (\.screening.priorTreatmentsReviewed, true), (\.screening.comprehensiveHistory, true),
      (\.screening.medicalAssessment, true), (\.safety.vitalsBefore, true),
      (\.safety.continuousMonitoring, true), (\.safety.vitalsAfter, true),
      (\.safety.writtenStopRule, true), (\.safety.emergencyEquipment, true),
      (\.safety.adverseReactionProtocol, true), (\.safety.recoverySpace, true),
      (\.safety.dischargeEscort, true), (\.safety.patientNeverLeftAlone, true),
      (\.safety.onePatientPerRoom, true), (\.safety.remsCertified, true),
      (\.integration.treatmentPlan, true), (\.integration.preparationSessions, true),
      (\.integration.supportDuringDosing, true), (\.integration.integrationSessions, true),
      (\.integration.psychiatricEmergencyPlan, true), (\.home.inPersonEvaluation, true),
      (\.home.faceToFaceFollowUps, true), (\.home.sitterRequired, true), (\.home.checkIns, true),
      (\.home.bloodPressureCuff, true), (\.home.prescriptionMonitoringChecks, true),
      (\.home.misuseScreening, true), (\.ethics.marketingReviewed, true),
      (\.ethics.risksDisclosed, true), (\.ethics.pricingPublished, true),
      (\.ethics.bundlesRequired, false), (\.ethics.consentCoversOffLabel, true),
      (\.ethics.definedCourse, true), (\.ethics.routineSedatives, false),
      (\.ethics.codeOfConductSigned, true),
    ]
  }

  /// Applies the improvement, choosing what to improve with `random`.
  func apply(to facts: inout ProviderFacts, random: inout SplitMix64, asOf: Day) {
    switch self {
    case .verifyBooleanFact:
      let (path, value) = Self.booleanFacts.randomElement(using: &random)!
      facts.practice[keyPath: path] = .verified(value)
    case .upgradeProvenance:
      let (path, _) = Self.booleanFacts.randomElement(using: &random)!
      facts.practice[keyPath: path]?.provenance = .verifiedByStaff
    case .addVerifiedTraining:
      guard !facts.practitioners.isEmpty else { return }
      let index = Int.random(in: facts.practitioners.indices, using: &random)
      facts.practitioners[index].trainings.append(
        Training(
          program: .fluence, hours: Int.random(in: 1...100, using: &random),
          completed: asOf.advanced(byDays: -100), provenance: .verifiedByStaff))
    case .addVerifiedCertificate:
      guard !facts.practitioners.isEmpty else { return }
      let index = Int.random(in: facts.practitioners.indices, using: &random)
      facts.practitioners[index].certifications.append(
        Certification(
          kind: .acls, provenance: .verifiedByStaff, expires: asOf.advanced(byDays: 300)))
    case .addVerifiedLicense:
      guard !facts.practitioners.isEmpty, let state = facts.statesServed.first else { return }
      let index = Int.random(in: facts.practitioners.indices, using: &random)
      facts.practitioners[index].licenses.append(
        License(
          state: state, type: "MD", number: "added", status: .active,
          provenance: .verifiedByStaff, expires: asOf.advanced(byDays: 300)))
    case .verifyNPI:
      guard !facts.practitioners.isEmpty else { return }
      let index = Int.random(in: facts.practitioners.indices, using: &random)
      facts.practitioners[index].npi = .verified(Fixtures.validNPI1)
    case .verifyNumbers:
      facts.practice.safety.observationMinutes = .verified(150)
      facts.practice.integration.integrationWithinHours = .verified(24)
      facts.practice.home.maxDoseMg = .verified(300)
      facts.practice.home.dosesPerFill = .verified(4)
      facts.practice.screening.psychiatricEvaluation = .verified(.inPerson)
      facts.practice.home.evaluationBeforePrescribing = .verified(.inPerson)
    }
  }
}
