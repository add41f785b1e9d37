extension RubricV2 {
  /// Oxygen saturation at every on-site session: the Spravato REMS asks for pulse oximetry at
  /// each esketamine session, the APNA checklist for an SpO2 monitor, and the FDA names slowed
  /// breathing among ketamine's risks. It applies to every route dosed on site.
  static let pulseOximetry = Criterion(
    id: "safety.pulse-oximetry", area: .medicalSafety, points: 3,
    requirement: "Oxygen saturation is measured by pulse oximetry at every dosing session.",
    evidence: "Session protocol and vitals log template; a pulse oximeter on site.",
    sources: [.spravatoREMS, .apna, .fdaCompounded], applicability: .dosesOnSite
  ) { context in
    context.yes(.pulseOximetry, context.facts.practice.safety.pulseOximetry)
  }

  /// Continuous cardiac monitoring is what the APA consensus statement asks for during IV
  /// ketamine; no source asks for it for a lozenge or a nasal spray.
  static let cardiacMonitoring = Criterion(
    id: "safety.cardiac-monitoring", area: .medicalSafety, points: 3,
    requirement: "The heart is monitored continuously (ECG) during IV or IM dosing.",
    evidence: "Protocol and monitoring equipment (ECG monitor).",
    sources: [.apaConsensus], applicability: .injectionsOnSite
  ) { context in
    context.yes(.cardiacMonitoring, context.facts.practice.safety.cardiacMonitoring)
  }

  /// Doses on site with oxygen saturation recorded as not measured.
  static let noPulseOximetry = RedFlag(
    id: "safety.no-pulse-oximetry", severity: .major,
    condition: "Patients dose on site without pulse oximetry (oxygen saturation is not measured "
      + "during the session).",
    sources: [.spravatoREMS, .apna, .fdaCompounded, .redFlagGuides], applicability: .dosesOnSite
  ) { context in
    context.recordedFalse(.pulseOximetry, context.facts.practice.safety.pulseOximetry)
  }

  /// 2026.1's monitoring criterion in 2026.2, and the two criteria that split from it.
  static func monitoring(_ criterion: Criterion) -> [Criterion] {
    guard criterion.id == "safety.continuous-monitoring" else { return [criterion] }
    return [
      criterion.revised(applicability: .injectionsOnSite),
      pulseOximetry, cardiacMonitoring,
    ]
  }

  static let monitoringChanges: [RubricChange] = [
    RubricChange(
      .criterion, "safety.continuous-monitoring",
      change: "applies to providers giving IV or IM ketamine on site (was: all on-site dosing)",
      reason: "Continuous blood-pressure, heart-rate and oxygen monitoring is the APA consensus "
        + "statement's standard for IV ketamine; the Spravato REMS asks an esketamine setting "
        + "for blood pressure before and about 40 minutes after, pulse oximetry and at least "
        + "2 hours of observation, not continuous monitoring. A REMS-compliant esketamine or "
        + "in-office lozenge practice is now judged by those criteria, not failed for lacking "
        + "IV-grade monitoring; 2026.1's critical flag was already scoped to IV and IM.",
      sources: [.apaConsensus, .spravatoREMS, .seedLifeWorks]),
    RubricChange(
      .criterion, "safety.pulse-oximetry",
      change: "new: 3 points, all on-site dosing",
      reason: "Split from continuous monitoring as the sources split it: the Spravato REMS asks "
        + "for pulse oximetry at each session, the APNA checklist for an SpO2 monitor, and "
        + "the FDA names respiratory depression among ketamine's risks, whatever the route.",
      sources: [.spravatoREMS, .apna, .fdaCompounded]),
    RubricChange(
      .criterion, "safety.cardiac-monitoring",
      change: "new: 3 points, IV or IM on site",
      reason: "The APA consensus statement asks for continuous cardiac monitoring during IV "
        + "ketamine; no source asks for it for a lozenge or a nasal spray. It is scored, not "
        + "flagged, because the statement is explicitly not a standard and the red-flag "
        + "guides name blood pressure, heart rate and oxygen, not ECG.",
      sources: [.apaConsensus, .redFlagGuides]),
    RubricChange(
      .flag, "safety.no-pulse-oximetry", change: "new: major, all on-site dosing",
      reason: "Oxygen saturation recorded as not measured during an on-site session: the REMS "
        + "requires it for every esketamine session and the guides name unmonitored oxygen "
        + "as a red flag; major like 2026.1's other monitoring lapses short of IV/IM without "
        + "any monitoring (critical).",
      sources: [.spravatoREMS, .apna, .fdaCompounded, .redFlagGuides]),
    RubricChange(
      .criterion, "safety.vitals-before", change: "reviewed: all on-site dosing kept",
      changesVerdicts: false,
      reason: "Blood pressure before dosing is asked for by the APA consensus statement (IV) "
        + "and the Spravato REMS (esketamine) alike, so it stays with every on-site route.",
      sources: [.apaConsensus, .spravatoREMS]),
    RubricChange(
      .criterion, "safety.vitals-after", change: "reviewed: all on-site dosing kept",
      changesVerdicts: false,
      reason: "The REMS' blood pressure about 40 minutes after dosing; with vitals before, "
        + "pulse oximetry and the 2-hour observation it is the whole REMS monitoring an "
        + "esketamine-only practice is judged by.",
      sources: [.spravatoREMS]),
  ]
}
