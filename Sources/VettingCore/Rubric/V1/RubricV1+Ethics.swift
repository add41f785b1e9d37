extension RubricV1 {
  static let ethics: [Criterion] = [
    Criterion(
      id: "ethics.no-outcome-promises", area: .ethicsAndMarketing, points: 4,
      requirement: "Advertising makes no outcome promises: no \"cure\", no guarantee, no single "
        + "headline response rate.",
      evidence: "Staff review of the website, ads and social media.",
      sources: [.jamaAds, .ketamineOath, .redFlagGuides, .seedKAIR, .seedSafeHarbor]
    ) { context in
      reviewedClaims(context) { $0.isOutcomePromise }
    },
    Criterion(
      id: "ethics.accurate-claims", area: .ethicsAndMarketing, points: 3,
      requirement: "Advertising does not call ketamine FDA-approved for depression or "
        + "non-addictive.",
      evidence: "Staff review of the website, ads and social media.",
      sources: [.jamaAds, .fdaCompounded, .redFlagGuides]
    ) { context in
      reviewedClaims(context) { !$0.isOutcomePromise }
    },
    Criterion(
      id: "ethics.risks-disclosed", area: .ethicsAndMarketing, points: 4,
      requirement: "Advertising and intake materials name the risks (blood pressure, breathing, "
        + "dissociation, misuse, bladder).",
      evidence: "Website and intake materials.",
      sources: [.jamaAds, .fdaCompounded, .seedKAIR]
    ) { context in
      context.yes(.risksDisclosed, context.facts.practice.ethics.risksDisclosed)
    },
    Criterion(
      id: "ethics.transparent-pricing", area: .ethicsAndMarketing, points: 3,
      requirement: "Per-session prices are published.",
      evidence: "Published price list.",
      sources: [.redFlagGuides, .seedGPS, .seedPsychedelicSupport]
    ) { context in
      context.yes(.pricingPublished, context.facts.practice.ethics.pricingPublished)
    },
    Criterion(
      id: "ethics.no-bundle-pressure", area: .ethicsAndMarketing, points: 2,
      requirement: "Patients are not required to buy a bundle of sessions up front.",
      evidence: "Price list and patient agreement.",
      sources: [.redFlagGuides, .seedPsychedelicSupport]
    ) { context in
      context.no(.bundlesRequired, context.facts.practice.ethics.bundlesRequired)
    },
    Criterion(
      id: "ethics.informed-consent", area: .ethicsAndMarketing, points: 5,
      requirement: "Consent states off-label (and compounded) status, the risks and alternatives.",
      evidence: "The consent form.",
      sources: [.krf, .fdaCompounded, .redFlagGuides, .seedLifeWorks]
    ) { context in
      context.yes(.consentCoversOffLabel, context.facts.practice.ethics.consentCoversOffLabel)
    },
    Criterion(
      id: "ethics.defined-course", area: .ethicsAndMarketing, points: 4,
      requirement: "Treatment has a defined course and therapeutic endpoint.",
      evidence: "Treatment protocol (e.g. 6–8 sessions, then reassessment).",
      sources: [.asa, .redFlagGuides, .seedLifeWorks]
    ) { context in
      context.yes(.definedCourse, context.facts.practice.ethics.definedCourse)
    },
    Criterion(
      id: "ethics.no-routine-sedatives", area: .ethicsAndMarketing, points: 2,
      requirement: "Benzodiazepines or other sedatives are not given routinely with ketamine.",
      evidence: "Dosing protocol.",
      sources: [.seedPsychedelicSupport, .redFlagGuides]
    ) { context in
      context.no(.routineSedatives, context.facts.practice.ethics.routineSedatives)
    },
    Criterion(
      id: "ethics.code-of-conduct", area: .ethicsAndMarketing, points: 2,
      requirement: "The provider signed a code of conduct (e.g. the ethical ketamine clinician "
        + "guidelines).",
      evidence: "Signed code of conduct on file.",
      sources: [.taraMind, .ketamineOath]
    ) { context in
      context.yes(.codeOfConductSigned, context.facts.practice.ethics.codeOfConductSigned)
    },
  ]

  /// Credit by the review's provenance when staff reviewed the advertising and recorded what
  /// they found, and none of it is a claim `matching` selects.
  ///
  /// A claim found loses the points whatever else is on record. Otherwise the review must be on
  /// record, current and affirmed; and its findings must be on record too: `claims: []` (none
  /// found) earns the credit, a review whose findings are unknown (`claims` left out) earns
  /// nothing, since a missing fact earns nothing. The review is checked before the findings, so
  /// every questionnaire written when `claims` was required gets the reason it always got.
  static func reviewedClaims(
    _ context: EvaluationContext, matching: (MarketingClaim) -> Bool
  ) -> Evaluation {
    let ethics = context.facts.practice.ethics
    for claim in ethics.claims ?? []
    where matching(claim.value) && !claim.isExpired(asOf: context.asOf) {
      return .none(
        Basis(
          .marketingClaims, .present, detail: claim.value.rawValue, provenance: claim.provenance))
    }
    let review = context.yes(.marketingReviewed, ethics.marketingReviewed)
    if review.credit > 0, ethics.claims == nil {
      return .none(Basis(.marketingClaims, .missing, detail: "the review's findings not on record"))
    }
    return review
  }
}
