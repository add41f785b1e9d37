import VettingCore

// Each vignette is written from its source; expected tiers and flags are the auditor's reading of
// the rubric, not copied from the engine's output.
extension Vignette {
  static let all: [Vignette] = [
    lifeWorksLozengeKAP, anesthesiaIVClinic, mailOrderTelehealth, psychiatristDosesAndTherapy,
    revokedLicense, spravatoClinic, atHomeCompanyWithSafeguards, selfReportedApplicant,
    lapsedCredentialsIVClinic, retreatWithHeadlineRate,
  ]

  static func journeyClinicalPartner() -> Affiliation {
    Affiliation(
      partnerName: "Journey Clinical", partnerNPI: Fixtures.validNPI3, role: .prescriber,
      provenance: .verifiedByStaff, expires: Fixtures.nextYear)
  }

  static func license(
    _ state: String, _ type: String, _ status: LicenseStatus = .active,
    provenance: Provenance = .publicRegistry, expires: Day? = Fixtures.nextYear
  ) -> License {
    License(
      state: state, type: type, number: "\(state)-\(type)-1", status: status,
      provenance: provenance, expires: expires)
  }

  /// Seed 003 (Life Works): a therapist's office; Journey Clinical assesses and prescribes
  /// lozenges; the client takes vitals before dosing and near the end against the prescriber's
  /// thresholds; three-hour sessions with the therapist; integration 24–48 h later; screening
  /// paperwork for contraindications; 6–8 sessions per round; no driving for 6–12 h.
  static let lifeWorksLozengeKAP: Vignette = {
    var therapist = Practitioner(
      id: "lw-therapist", name: "Life Works therapist, LPC", roles: [.therapist],
      discipline: .psychotherapy, npi: .registry(Fixtures.validNPI2),
      licenses: [license("MI", "LPC")],
      trainings: [
        Training(
          program: .journeyClinical, hours: 6, completed: Day(year: 2023, month: 1, day: 10),
          provenance: .verifiedByStaff),
        Training(
          program: .polaris, hours: 47, completed: Day(year: 2023, month: 9, day: 1),
          provenance: .verifiedByStaff),
      ])
    therapist.kapSessionsDelivered = .document(45)
    therapist.graduateDegree = .verified(true)
    therapist.yearsInPractice = .verified(10)
    therapist.traumaTraining = .verified(true)
    therapist.malpracticeInsurance = .verified(true)
    var practice = PracticeProfile()
    practice.screening.psychiatricEvaluation = .verified(.liveVideo)
    practice.screening.contraindicationsScreened = .verified(true)
    practice.screening.substanceUseScreened = .verified(true)
    practice.screening.ratingScales = .document(true)
    practice.screening.priorTreatmentsReviewed = .document(true)
    practice.screening.comprehensiveHistory = .verified(true)
    practice.screening.medicalAssessment = .verified(true)
    practice.safety.vitalsBefore = .verified(true)
    practice.safety.continuousMonitoring = .verified(false)
    practice.safety.vitalsAfter = .verified(true)
    practice.safety.writtenStopRule = .document(true)
    practice.safety.observationMinutes = .verified(180)
    practice.safety.recoverySpace = .verified(true)
    practice.safety.dischargeEscort = .verified(true)
    practice.safety.patientNeverLeftAlone = .verified(true)
    practice.safety.onePatientPerRoom = .verified(true)
    practice.safety.adverseReactionProtocol = .document(true)
    practice.integration.treatmentPlan = .verified(true)
    practice.integration.preparationSessions = .verified(true)
    practice.integration.supportDuringDosing = .verified(true)
    practice.integration.integrationSessions = .verified(true)
    practice.integration.integrationWithinHours = .verified(48)
    practice.integration.psychiatricEmergencyPlan = .document(true)
    // Recorded answers: the review found no claims; nothing is dispensed for home use (an
    // in-office practice). Before unknown lists these were the defaults; stated here they keep
    // the golden bytes.
    practice.ethics.marketingReviewed = .verified(true)
    practice.ethics.claims = []
    practice.ethics.adChannels = [.website]
    practice.home.formulations = []
    practice.ethics.risksDisclosed = .verified(true)
    practice.ethics.pricingPublished = .verified(true)
    practice.ethics.bundlesRequired = .verified(false)
    practice.ethics.consentCoversOffLabel = .verified(true)
    practice.ethics.definedCourse = .verified(true)
    practice.ethics.routineSedatives = .verified(false)
    practice.ethics.codeOfConductSigned = .verified(true)
    return Vignette(
      name: "in-office lozenge KAP: trained therapist, partner prescriber, vitals, integration",
      source: "seed 003 (Life Works with Journey Clinical)",
      facts: ProviderFacts(
        id: "life-works", kind: .practitioner, name: "Life Works", statesServed: ["MI"],
        routes: [.lozengeInOffice], practitioners: [therapist],
        affiliations: [journeyClinicalPartner()], practice: practice),
      // Loses continuous monitoring, ACLS/BLS and emergency equipment; no flag, since lozenges
      // are not injections.
      tier: .recommended, flags: [], score: 85...95)
  }()

  /// Seed 004: an anesthesiologist's IV clinic advertising on billboards and social media,
  /// no talk therapy, an infusion cocktail with a benzodiazepine, ads quoting "up to 70%".
  static let anesthesiaIVClinic: Vignette = {
    var anesthesiologist = Practitioner(
      id: "iv-md", name: "Infusion Director, MD", roles: [.prescriber],
      discipline: .anesthesiology, npi: .registry(Fixtures.validNPI1),
      licenses: [license("FL", "MD")],
      certifications: [
        Certification(kind: .acls, provenance: .verifiedByStaff, expires: Fixtures.nextYear)
      ])
    anesthesiologist.boardCertification = .registry(.anesthesiology)
    anesthesiologist.malpracticeInsurance = .verified(true)
    var practice = PracticeProfile()
    practice.screening.psychiatricEvaluation = .verified(.questionnaireOnly)
    practice.screening.contraindicationsScreened = .verified(true)
    practice.screening.medicalAssessment = .verified(true)
    practice.safety.vitalsBefore = .verified(true)
    practice.safety.continuousMonitoring = .verified(true)
    practice.safety.vitalsAfter = .verified(true)
    practice.safety.emergencyEquipment = .verified(true)
    practice.safety.observationMinutes = .verified(30)
    practice.integration.preparationSessions = .verified(false)
    practice.integration.integrationSessions = .verified(false)
    practice.integration.supportDuringDosing = .verified(false)
    practice.ethics.marketingReviewed = .verified(true)
    practice.ethics.claims = [.verified(.headlineResponseRate)]
    practice.ethics.adChannels = [.billboard, .socialMedia]
    practice.ethics.routineSedatives = .verified(true)
    return Vignette(
      name: "anesthesia-run IV clinic, no therapy, billboard claims",
      source: "seed 004 (Psychedelic Support: IV infusion vs KAP, billboards, benzodiazepines)",
      facts: ProviderFacts(
        id: "iv-clinic", kind: .clinic, name: "Sunshine Infusion Center",
        npi: .registry(Fixtures.validOrgNPI), statesServed: ["FL"], routes: [.intravenous],
        practitioners: [anesthesiologist], practice: practice),
      tier: .notVetted,
      flags: [
        "team.no-mental-health-professional", "integration.no-preparation",
        "integration.no-integration", "marketing.outcome-promise", "ethics.routine-sedatives",
        "marketing.mass-advertising",
      ],
      score: 0...45)
  }()

  /// Reference red flags and seed 004: a telehealth prescriber who prescribes after a short video
  /// call and mails a month's supply, advertised on social media, with no therapist.
  static let mailOrderTelehealth: Vignette = {
    var prescriber = Practitioner(
      id: "tele-np", name: "Telehealth Prescriber, FNP", roles: [.prescriber],
      discipline: .primaryCare, npi: .registry(Fixtures.validNPI3),
      licenses: [license("TX", "NP"), license("FL", "NP")])
    prescriber.malpracticeInsurance = .selfReported(true)
    var practice = PracticeProfile()
    practice.screening.psychiatricEvaluation = .verified(.briefVideo)
    practice.screening.contraindicationsScreened = .selfReported(true)
    practice.home.evaluationBeforePrescribing = .verified(.briefVideo)
    practice.home.inPersonEvaluation = .verified(false)
    practice.home.sitterRequired = .verified(false)
    practice.home.dosesPerFill = .verified(30)
    practice.home.formulations = [.verified(.oralLozenge)]
    practice.ethics.marketingReviewed = .verified(true)
    practice.ethics.claims = []
    practice.ethics.adChannels = [.socialMedia]
    return Vignette(
      name: "mail-order telehealth prescriber after a short video call",
      source: "RUBRIC-SOURCES red flags; seed 004 (mail-order ketamine)",
      facts: ProviderFacts(
        id: "mail-order", kind: .practitioner, name: "KetaMail", statesServed: ["TX", "FL", "CA"],
        routes: [.atHome], practitioners: [prescriber], practice: practice),
      tier: .notVetted,
      flags: [
        "team.no-mental-health-professional", "home.prescribed-after-brief-contact",
        "home.no-in-person-evaluation", "home.no-sitter", "home.large-supply",
        "marketing.mass-advertising",
      ],
      score: 0...30)
  }()

  /// The ketamine oath, clause 3: one person may hold both roles, e.g. a psychiatrist with
  /// substantial psychotherapy training, here giving IM ketamine and lozenges in the office.
  static let psychiatristDosesAndTherapy: Vignette = {
    var psychiatrist = Fixtures.psychiatrist()
    psychiatrist.id = "solo-psychiatrist"
    var practice = Fixtures.exemplaryPractice()
    practice.home = HomeSupervisionPractice()
    practice.safety.remsCertified = nil
    practice.screening.urineToxicology = .document(true)
    return Vignette(
      name: "psychiatrist who both doses and does the therapy",
      source: "ketamine oath clause 3 (Ryan & Bennett 2020)",
      facts: ProviderFacts(
        id: "solo-psychiatrist", kind: .practitioner, name: "Dr. Ames Psychiatry",
        statesServed: ["MI"], routes: [.intramuscular, .lozengeInOffice],
        practitioners: [psychiatrist], practice: practice),
      tier: .recommended, flags: [], score: 95...100)
  }()

  /// BehavioralHealthGuide removes listings on revocation: a good practice whose therapist's
  /// license was revoked is not vetted whatever its points.
  static let revokedLicense: Vignette = {
    var facts = lifeWorksLozengeKAP.facts
    facts.id = "revoked"
    facts.practitioners[0].licenses[0].status = .revoked
    return Vignette(
      name: "provider with a revoked license",
      source: "RUBRIC-SOURCES 'How others vet' (BehavioralHealthGuide)",
      facts: facts, tier: .notVetted, flags: ["licensure.license-revoked-or-suspended"],
      score: 70...90)
  }()

  /// Spravato REMS: a psychiatry clinic giving esketamine in a certified setting, 2 h
  /// observation, vitals before and about 40 minutes after, with a partner therapist for
  /// integration.
  static let spravatoClinic: Vignette = {
    var psychiatrist = Fixtures.psychiatrist()
    psychiatrist.roles = [.prescriber]
    var nurse = Practitioner(
      id: "rn", name: "Clinic Nurse, RN", roles: [.prescriber], discipline: .psychiatricNursing,
      npi: .registry(Fixtures.validNPI2), licenses: [license("MI", "RN")],
      trainings: [
        Training(
          program: .kriya, hours: 8, completed: Day(year: 2024, month: 6, day: 1),
          provenance: .verifiedByStaff)
      ],
      certifications: [Certification(kind: .bls, provenance: .verifiedByStaff, expires: nil)])
    nurse.malpracticeInsurance = .verified(true)
    var practice = Fixtures.exemplaryPractice()
    practice.home = HomeSupervisionPractice()
    practice.integration.supportDuringDosing = .selfReported(true)
    practice.ethics.pricingPublished = .verified(false)
    return Vignette(
      name: "esketamine clinic under the Spravato REMS with a partner therapist",
      source: "RUBRIC-SOURCES (Spravato REMS); seeds 000 and 001 (Spravato)",
      facts: ProviderFacts(
        id: "spravato", kind: .clinic, name: "Northside Psychiatry",
        npi: .registry(Fixtures.validOrgNPI), statesServed: ["MI"], routes: [.esketamineREMS],
        practitioners: [psychiatrist, nurse],
        affiliations: [
          Affiliation(
            partnerName: "Integration Therapy Group", role: .therapist,
            provenance: .verifiedByStaff)
        ],
        practice: practice),
      // The oath lets a partner hold the mental-health role, but the partner's KAP training is
      // not on record: the five therapist-training criteria (21 points) earn nothing. Still
      // above the recommended threshold; the minor pricing flag does not move the tier.
      tier: .recommended, flags: ["ethics.opaque-pricing"], score: 85...90)
  }()

  /// At-home company safeguards (Mindbloom, Joyous): full video assessment, BP cuff mailed, a
  /// peer treatment monitor at every session, check-ins, PDMP checks, licensed therapists;
  /// but no in-person evaluation (allowed only under the DEA telemedicine flexibilities).
  static let atHomeCompanyWithSafeguards: Vignette = {
    var prescriber = Practitioner(
      id: "home-md", name: "Home Program Psychiatrist, MD", roles: [.prescriber],
      discipline: .psychiatry, npi: .registry(Fixtures.validNPI1),
      licenses: [license("CO", "MD"), license("OR", "MD")],
      trainings: [
        Training(
          program: .kriya, hours: 10, completed: Day(year: 2024, month: 1, day: 1),
          provenance: .verifiedByStaff)
      ])
    prescriber.boardCertification = .registry(.psychiatry)
    prescriber.malpracticeInsurance = .verified(true)
    var guide = Fixtures.therapist()
    guide.id = "home-lcsw"
    guide.name = "Integration Guide, LCSW"
    guide.licenses = [license("CO", "LCSW"), license("OR", "LCSW")]
    var practice = Fixtures.exemplaryPractice()
    practice.safety = MedicalSafetyPractice()
    practice.screening.psychiatricEvaluation = .verified(.liveVideo)
    practice.home.evaluationBeforePrescribing = .verified(.liveVideo)
    practice.home.inPersonEvaluation = .verified(false)
    practice.home.faceToFaceFollowUps = .verified(false)
    practice.integration.supportDuringDosing = .verified(false)
    return Vignette(
      name: "at-home program with a sitter, BP cuff, check-ins and PDMP, no in-person visit",
      source: "RUBRIC-SOURCES 'How others vet' (Mindbloom, Joyous); DEA Ryan Haight",
      facts: ProviderFacts(
        id: "home-program", kind: .clinic, name: "Home Ketamine Program",
        npi: .registry(Fixtures.validOrgNPI), statesServed: ["CO", "OR"], routes: [.atHome],
        practitioners: [prescriber, guide], practice: practice),
      tier: .vetted, flags: ["home.no-in-person-evaluation"], score: 85...95)
  }()

  /// A new applicant whose answers are all self-reported: half credit everywhere until staff
  /// verify them.
  static let selfReportedApplicant: Vignette = {
    var facts = Fixtures.exemplary()
    facts.id = "self-reported"
    facts.npi = nil
    func selfReport(_ practitioner: inout Practitioner) {
      practitioner.npi?.provenance = .selfReported
      for index in practitioner.licenses.indices {
        practitioner.licenses[index].provenance = .selfReported
      }
      for index in practitioner.trainings.indices {
        practitioner.trainings[index].provenance = .selfReported
      }
      for index in practitioner.certifications.indices {
        practitioner.certifications[index].provenance = .selfReported
      }
      practitioner.boardCertification?.provenance = .selfReported
      practitioner.kapSessionsDelivered?.provenance = .selfReported
      practitioner.graduateDegree?.provenance = .selfReported
      practitioner.yearsInPractice?.provenance = .selfReported
      practitioner.traumaTraining?.provenance = .selfReported
      practitioner.malpracticeInsurance?.provenance = .selfReported
    }
    for index in facts.practitioners.indices { selfReport(&facts.practitioners[index]) }
    facts.practice = selfReportedPractice()
    return Vignette(
      name: "applicant with every fact self-reported",
      source: "DESIGN.md 'Vetting' (self-reported evidence counts partly)",
      facts: facts, tier: .conditional, flags: [], score: 50...50)
  }()

  static func selfReportedPractice() -> PracticeProfile {
    var practice = Fixtures.exemplaryPractice()
    practice.screening.psychiatricEvaluation?.provenance = .selfReported
    practice.screening.contraindicationsScreened?.provenance = .selfReported
    practice.screening.substanceUseScreened?.provenance = .selfReported
    practice.screening.urineToxicology?.provenance = .selfReported
    practice.screening.ratingScales?.provenance = .selfReported
    practice.screening.priorTreatmentsReviewed?.provenance = .selfReported
    practice.screening.comprehensiveHistory?.provenance = .selfReported
    practice.screening.medicalAssessment?.provenance = .selfReported
    practice.safety.vitalsBefore?.provenance = .selfReported
    practice.safety.continuousMonitoring?.provenance = .selfReported
    practice.safety.vitalsAfter?.provenance = .selfReported
    practice.safety.writtenStopRule?.provenance = .selfReported
    practice.safety.emergencyEquipment?.provenance = .selfReported
    practice.safety.adverseReactionProtocol?.provenance = .selfReported
    practice.safety.observationMinutes?.provenance = .selfReported
    practice.safety.recoverySpace?.provenance = .selfReported
    practice.safety.dischargeEscort?.provenance = .selfReported
    practice.safety.patientNeverLeftAlone?.provenance = .selfReported
    practice.safety.onePatientPerRoom?.provenance = .selfReported
    practice.safety.remsCertified?.provenance = .selfReported
    practice.integration.treatmentPlan?.provenance = .selfReported
    practice.integration.preparationSessions?.provenance = .selfReported
    practice.integration.supportDuringDosing?.provenance = .selfReported
    practice.integration.integrationSessions?.provenance = .selfReported
    practice.integration.integrationWithinHours?.provenance = .selfReported
    practice.integration.psychiatricEmergencyPlan?.provenance = .selfReported
    practice.home.evaluationBeforePrescribing?.provenance = .selfReported
    practice.home.inPersonEvaluation?.provenance = .selfReported
    practice.home.faceToFaceFollowUps?.provenance = .selfReported
    practice.home.sitterRequired?.provenance = .selfReported
    practice.home.maxDoseMg?.provenance = .selfReported
    practice.home.dosesPerFill?.provenance = .selfReported
    practice.home.checkIns?.provenance = .selfReported
    practice.home.bloodPressureCuff?.provenance = .selfReported
    practice.home.prescriptionMonitoringChecks?.provenance = .selfReported
    practice.home.misuseScreening?.provenance = .selfReported
    practice.ethics.marketingReviewed?.provenance = .selfReported
    practice.ethics.risksDisclosed?.provenance = .selfReported
    practice.ethics.pricingPublished?.provenance = .selfReported
    practice.ethics.bundlesRequired?.provenance = .selfReported
    practice.ethics.consentCoversOffLabel?.provenance = .selfReported
    practice.ethics.definedCourse?.provenance = .selfReported
    practice.ethics.routineSedatives?.provenance = .selfReported
    practice.ethics.codeOfConductSigned?.provenance = .selfReported
    return practice
  }

  /// An IV clinic whose physician's license and ACLS certificate both lapsed last year: the
  /// credentials earn nothing and raise flags; two major flags cap it at conditional.
  static let lapsedCredentialsIVClinic: Vignette = {
    var facts = Fixtures.exemplary()
    facts.id = "lapsed"
    facts.routes = [.intravenous]
    facts.practitioners[0].licenses[0].expires = Fixtures.lastYear
    facts.practitioners[0].certifications[0].expires = Fixtures.lastYear
    facts.practitioners[1].certifications = []
    return Vignette(
      name: "IV clinic with an expired license and a lapsed ACLS certificate",
      source: "RUBRIC-SOURCES (APA: ACLS staff; BehavioralHealthGuide: license re-checks)",
      facts: facts, tier: .conditional,
      flags: [
        "licensure.license-expired", "safety.no-life-support-staff",
        "credentials.certificate-expired",
      ],
      score: 80...95)
  }()

  /// Seed 002 (KAIR Program): trauma-focused KAP retreats with integration, but the page leads
  /// with "over 70% of patients ... see significant symptom reduction".
  static let retreatWithHeadlineRate: Vignette = {
    var facts = Fixtures.exemplary()
    facts.id = "retreat"
    facts.routes = [.intravenous, .lozengeInOffice]
    facts.practice.ethics.claims = [.verified(.headlineResponseRate)]
    return Vignette(
      name: "trauma-focused KAP retreat advertising a headline response rate",
      source: "seed 002 (KAIR Program)",
      facts: facts, tier: .vetted, flags: ["marketing.outcome-promise"], score: 95...99)
  }()
}
