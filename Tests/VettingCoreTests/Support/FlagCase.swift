import Testing
import VettingCore

/// For one red flag: how to raise it on the exemplary provider.
struct FlagCase: Sendable, CustomTestStringConvertible {
  let id: String
  let raise: @Sendable (inout ProviderFacts) -> Void

  var testDescription: String { id }

  init(_ id: String, raise: @escaping @Sendable (inout ProviderFacts) -> Void) {
    self.id = id
    self.raise = raise
  }

  static let all: [FlagCase] = [
    FlagCase("licensure.license-revoked-or-suspended") {
      $0.practitioners[0].licenses[0].status = .revoked
    },
    FlagCase("licensure.unlicensed-practitioner") { $0.practitioners[1].licenses = [] },
    FlagCase("team.no-mental-health-professional") { facts in
      facts.practitioners = [Fixtures.psychiatrist()]
      facts.practitioners[0].roles = [.prescriber]
      facts.practitioners[0].discipline = .anesthesiology
    },
    FlagCase("team.no-medical-professional") { $0.practitioners = [Fixtures.therapist()] },
    FlagCase("safety.patient-left-alone") {
      $0.practice.safety.patientNeverLeftAlone = .verified(false)
    },
    FlagCase("safety.injections-without-monitoring") {
      $0.practice.safety.continuousMonitoring = .selfReported(false)
    },
    FlagCase("safety.esketamine-outside-rems") {
      $0.practice.safety.remsCertified = .verified(false)
    },
    FlagCase("home.injections") {
      $0.practice.home.formulations =
        ($0.practice.home.formulations ?? []) + [.verified(.injection)]
    },
    FlagCase("home.prescribed-after-brief-contact") {
      $0.practice.home.evaluationBeforePrescribing = .verified(.questionnaireOnly)
    },
    FlagCase("licensure.license-expired") {
      $0.practitioners[1].licenses[0].expires = Fixtures.lastYear
    },
    FlagCase("licensure.board-action") { $0.practitioners[0].licenses[0].status = .probation },
    FlagCase("licensure.invalid-npi") { $0.npi = .registry("2000000001") },
    FlagCase("safety.no-life-support-staff") { facts in
      for index in facts.practitioners.indices { facts.practitioners[index].certifications = [] }
    },
    FlagCase("screening.no-substance-use-screen") {
      $0.practice.screening.substanceUseScreened = .verified(false)
    },
    FlagCase("screening.no-contraindication-screen") {
      $0.practice.screening.contraindicationsScreened = .selfReported(false)
    },
    FlagCase("integration.no-preparation") {
      $0.practice.integration.preparationSessions = .verified(false)
    },
    FlagCase("integration.no-integration") {
      $0.practice.integration.integrationSessions = .verified(false)
    },
    FlagCase("home.no-in-person-evaluation") {
      $0.practice.home.inPersonEvaluation = .verified(false)
    },
    FlagCase("home.take-home-nasal-spray") {
      $0.practice.home.formulations =
        ($0.practice.home.formulations ?? []) + [.verified(.nasalSpray)]
    },
    FlagCase("home.no-sitter") { $0.practice.home.sitterRequired = .verified(false) },
    FlagCase("home.large-supply") { $0.practice.home.dosesPerFill = .verified(30) },
    FlagCase("home.no-dose-cap") { $0.practice.home.maxDoseMg = .verified(nil) },
    FlagCase("marketing.outcome-promise") {
      $0.practice.ethics.claims = [.verified(.headlineResponseRate)]
    },
    FlagCase("marketing.fda-approval-claim") {
      $0.practice.ethics.claims = [.verified(.fdaApprovedForDepression)]
    },
    FlagCase("marketing.non-addictive-claim") {
      $0.practice.ethics.claims = [.verified(.nonAddictive)]
    },
    FlagCase("marketing.risks-not-named") { $0.practice.ethics.risksDisclosed = .verified(false) },
    FlagCase("ethics.consent-hides-status") {
      $0.practice.ethics.consentCoversOffLabel = .verified(false)
    },
    FlagCase("credentials.certificate-expired") {
      $0.practitioners[1].trainings[0].expires = Fixtures.lastYear
    },
    FlagCase("safety.several-patients-one-room") {
      $0.practice.safety.onePatientPerRoom = .verified(false)
    },
    FlagCase("ethics.routine-sedatives") { $0.practice.ethics.routineSedatives = .verified(true) },
    FlagCase("ethics.bundle-pressure") { $0.practice.ethics.bundlesRequired = .verified(true) },
    FlagCase("ethics.opaque-pricing") { $0.practice.ethics.pricingPublished = .verified(false) },
    FlagCase("ethics.no-defined-endpoint") { $0.practice.ethics.definedCourse = .verified(false) },
    FlagCase("marketing.mass-advertising") {
      $0.practice.ethics.adChannels = ($0.practice.ethics.adChannels ?? []) + [.billboard]
    },
  ]
}
