extension RubricV2 {
  /// Home prescriptions recorded as having no face-to-face follow-up with the prescriber.
  static let noPrescriberFollowUp = RedFlag(
    id: "home.no-prescriber-follow-up", severity: .major,
    condition: "Ketamine is prescribed for home use with no face-to-face follow-up visits with "
      + "the prescriber between home doses.",
    sources: [.asa, .askp3Settings, .fdaCompounded], applicability: .prescribesForHome
  ) { context in
    context.recordedFalse(.faceToFaceFollowUps, context.facts.practice.home.faceToFaceFollowUps)
  }

  /// No mental-health professional supports the patient while they dose.
  static let noSupportDuringDosing = RedFlag(
    id: "integration.no-support-during-dosing", severity: .major,
    condition: "No mental-health professional supports the patient during dosing.",
    sources: [.ketamineOath, .redFlagGuides]
  ) { context in
    context.recordedFalse(
      .supportDuringDosing, context.facts.practice.integration.supportDuringDosing)
  }

  /// The practice answers that its therapists have no ketamine-specific training.
  static let therapistsUntrained = RedFlag(
    id: "training.therapist-no-ketamine-training", severity: .minor,
    condition: "The practice records that its therapists who work with dosing patients have no "
      + "ketamine-specific (KAP) training.",
    sources: [.taraMind, .trainingPrograms, .seedLifeWorks]
  ) { context in
    context.recordedFalse(
      .therapistsKetamineTrained, context.facts.practice.integration.therapistsKetamineTrained)
  }

  /// A prepaid package whose unused sessions are not refunded: a discount sold as pressure.
  static let nonRefundablePackage = RedFlag(
    id: "ethics.non-refundable-package", severity: .minor,
    condition: "Prepaid (discounted) session packages are sold with no refund of unused "
      + "sessions.",
    sources: [.redFlagGuides, .seedPsychedelicSupport]
  ) { context in
    context.recordedFalse(
      .prepaidPackagesRefundable, context.facts.practice.ethics.prepaidPackagesRefundable)
  }

  /// Advertising aimed at the patients every guideline's screening turns away.
  static let advertisesExcludedConditions = RedFlag(
    id: "marketing.targets-excluded-conditions", severity: .critical,
    condition: "Advertising offers ketamine for a condition the screening must exclude, such as "
      + "active psychosis (e.g. schizophrenia) or mania.",
    sources: [.apna, .apaConsensus, .seedKAIR, .seedLifeWorks, .seedSafeHarbor, .fdaCompounded]
  ) { context in
    context.recordedTrue(
      .advertisesExcludedConditions, context.facts.practice.ethics.advertisesExcludedConditions)
  }

  static let practiceFlagChanges: [RubricChange] = [
    RubricChange(
      .flag, "home.no-prescriber-follow-up", change: "new: major, providers prescribing for home",
      reason: "The ASA asks for a prescriber who monitors with periodic face-to-face visits, and "
        + "ASKP3 (2024) accepts oral home use only between face-to-face appointments; the FDA "
        + "warns that no one monitors home use on site. A practice recorded as having none was "
        + "only scored down; it is now flagged, major like 2026.1's other home-supervision "
        + "lapses (no sitter, large supply).",
      sources: [.asa, .askp3Settings, .fdaCompounded]),
    RubricChange(
      .flag, "integration.no-support-during-dosing", change: "new: major, all providers",
      reason: "Support during dosing is one of the mental-health professional's duties in the "
        + "ethical guidelines (clauses 2 and 4: care before, during and after dosing); a "
        + "practice recorded as giving none was only scored down. Major, like 2026.1's flags "
        + "for the neighbouring duties (no preparation, no integration).",
      sources: [.ketamineOath, .redFlagGuides]),
    RubricChange(
      .flag, "marketing.targets-excluded-conditions", change: "new: critical, all providers",
      reason: "Psychosis and current mania are exclusions in every source that lists "
        + "exclusions (the APNA checklist; the APA consensus statement's attention to psychosis "
        + "history; seeds 001, 002 and 003), and the FDA notes ketamine is approved for no "
        + "psychiatric disorder. Advertising it for them is a false efficacy claim aimed at the "
        + "patients the screening must turn away: critical, like 2026.2's other misleading "
        + "claims. Bipolar depression is not an exclusion; mania is.",
      sources: [.apna, .apaConsensus, .seedKAIR, .seedLifeWorks, .seedSafeHarbor, .fdaCompounded]),
    RubricChange(
      .flag, "training.therapist-no-ketamine-training", change: "new: minor, all providers",
      reason: "Directories that vet KAP therapists require ketamine-specific training (TARA "
        + "Mind: more than 40 hours) and patients are told to look for it (seed 003); 2026.1 "
        + "scored the team's training records but flagged nothing when the practice says its "
        + "therapists have none. Minor: the requirement comes from directories and guides, "
        + "not from a clinical guideline, and the training criteria already cost the points.",
      sources: [.taraMind, .trainingPrograms, .seedLifeWorks]),
    RubricChange(
      .flag, "ethics.non-refundable-package", change: "new: minor, all providers",
      reason: "The guides name pressure to buy prepaid bundles and ask for refundable "
        + "packages; seed 004 notes a package lowers the price per session while a patient "
        + "who does not respond keeps paying. A package merely offered, refundable, is no "
        + "pressure and raises nothing; one whose unused sessions are kept is. Minor, as "
        + "bundle pressure: the sources are consumer guides only.",
      sources: [.redFlagGuides, .seedPsychedelicSupport]),
    RubricChange(
      .flag, "ethics.bundle-pressure", change: "reviewed: minor kept", changesVerdicts: false,
      reason: "Still raised only when a bundle must be bought before the first session; "
        + "offering one is not pressure. No clinical guideline addresses bundles (the sources "
        + "are consumer guides), so it stays minor.",
      sources: [.redFlagGuides, .seedPsychedelicSupport]),
  ]
}
