/// Rubric 2026.2: 2026.1 with the severities and applicability reviewed against the sources.
/// Every difference is a line of ``changes`` with its reason and sources (rendered as the
/// "Changes from 2026.1" table of docs/RUBRIC-2026.2.md); everything else is 2026.1's, check for
/// check. 2026.1 stays as published (its assessments stay reproducible).
enum RubricV2 {
  static let version = "2026.2"

  /// The last day of the DEA's temporary telemedicine flexibilities for prescribing controlled
  /// substances without an in-person evaluation (extended through 31 December 2026: 90 FR 61301,
  /// DOMAIN-RESEARCH.md section 2, "DEA"). From the day after, the Ryan Haight Act's in-person
  /// evaluation rule applies. A further extension is a new rubric version with a new date.
  static let deaTelemedicineFlexibilitiesEnd = Day(year: 2026, month: 12, day: 31)!

  /// Home prescriptions with no in-person evaluation: raised (major) while the flexibilities are
  /// in force on the assessment's as-of day.
  static let noInPersonEvaluationWhileAllowed = RedFlag(
    id: "home.no-in-person-evaluation", severity: .major,
    condition: "Home prescriptions are written with no in-person evaluation, on a day the DEA "
      + "telemedicine flexibilities allow it (through 31 December 2026).",
    sources: [.deaRyanHaight, .askp3Home], applicability: .prescribesForHome
  ) { context in
    guard !(deaTelemedicineFlexibilitiesEnd < context.asOf) else { return nil }
    return context.recordedFalse(
      .inPersonEvaluation, context.facts.practice.home.inPersonEvaluation)
  }

  /// The same practice once the flexibilities have ended: prescribing a Schedule III drug by
  /// telemedicine without an in-person evaluation is then outside the law (critical).
  static let noInPersonEvaluationAfterFlexibilities = RedFlag(
    id: "home.no-in-person-evaluation-required-by-law", severity: .critical,
    condition: "Home prescriptions are written with no in-person evaluation after the DEA "
      + "telemedicine flexibilities ended (31 December 2026): the Ryan Haight Act requires one "
      + "before ketamine (Schedule III) is prescribed by telemedicine.",
    sources: [.deaRyanHaight, .askp3Home], applicability: .prescribesForHome
  ) { context in
    guard deaTelemedicineFlexibilitiesEnd < context.asOf else { return nil }
    return context.recordedFalse(
      .inPersonEvaluation, context.facts.practice.home.inPersonEvaluation)
  }

  static let changes: [RubricChange] = reviewChanges + monitoringChanges + practiceFlagChanges

  /// Flags 2026.1 does not have, in report order within their severity.
  static let addedFlags: [RedFlag] = [
    noInPersonEvaluationAfterFlexibilities, noPulseOximetry, noPrescriberFollowUp,
    noSupportDuringDosing, advertisesExcludedConditions, therapistsUntrained,
    nonRefundablePackage,
  ]

  /// The first review: misleading claims, esketamine consent, the DEA rule, team composition.
  static let reviewChanges: [RubricChange] = [
    RubricChange(
      .tier, "incomplete",
      change: "new tier: below the conditional minimum only for want of evidence (the open "
        + "items, met, would reach it) is `incomplete`, no longer `not-vetted`",
      reason: "A missing fact earns nothing, so under 2026.1 a good practice with half its "
        + "paperwork in failed like a poor practice with all of it. Credentialing decides on a "
        + "complete, verified file and does not fail one still being gathered; `not-vetted` "
        + "now means judged and failing. Each assessment reports its completeness and open "
        + "items (docs/RUBRIC-2026.2.md, \"Completeness\").",
      sources: [.ncqaCredentialing, .taraMind]),
    RubricChange(
      .flag, "marketing.outcome-promise", change: "severity major → critical",
      reason: "Promising a cure or guaranteed results is what the ethical guidelines were "
        + "written against (clinics promised a \"cure\" without psychologically informed care); "
        + "no ketamine treatment for a psychiatric condition can honestly be promised.",
      sources: [.ketamineOath, .jamaAds, .redFlagGuides]),
    RubricChange(
      .flag, "marketing.fda-approval-claim", change: "severity major → critical",
      reason: "Ketamine is not FDA-approved for any psychiatric disorder (only esketamine is); "
        + "the claim misleads patients about the basis of the treatment they consent to. The "
        + "FDA's 2023 warning and the 2023 study of clinic advertising name it.",
      sources: [.fdaCompounded, .jamaAds]),
    RubricChange(
      .flag, "marketing.non-addictive-claim", change: "severity major → critical",
      reason: "Ketamine is a Schedule III drug with misuse and dependence risks that the FDA's "
        + "2023 warning names; advertising it as non-addictive hides the main risk of "
        + "repeated, especially at-home, dosing.",
      sources: [.fdaCompounded, .jamaAds, .deaRyanHaight]),
    RubricChange(
      .flag, "ethics.consent-hides-status",
      change: "applies to providers offering ketamine itself (was: all providers)",
      reason: "Intranasal esketamine under the Spravato REMS is on-label; a consent that does "
        + "not call it off-label or compounded is truthful. A practice offering only "
        + "esketamine is no longer flagged; one that also offers ketamine, or has no route on "
        + "record, still is.",
      sources: [.spravatoREMS, .fdaCompounded]),
    RubricChange(
      .criterion, "ethics.informed-consent",
      change: "applies to providers offering ketamine itself (was: all providers)",
      reason: "The same reason: its requirement (consent states off-label and compounded "
        + "status) has no object for an esketamine-only practice, which is scored without it "
        + "rather than failed.",
      sources: [.spravatoREMS, .fdaCompounded]),
    RubricChange(
      .flag, "home.no-in-person-evaluation",
      change: "raised only on an as-of day within the DEA telemedicine flexibilities "
        + "(through 31 December 2026)",
      reason: "While the flexibilities are in force, prescribing without an in-person "
        + "evaluation is lawful but against ASKP3's position: major, as before. After they end "
        + "the new critical flag below takes over, so a report as of any day applies the rule "
        + "in force that day.",
      sources: [.deaRyanHaight, .askp3Home]),
    RubricChange(
      .flag, "home.no-in-person-evaluation-required-by-law",
      change: "new: critical, raised on an as-of day after 31 December 2026",
      reason: "From 1 January 2027, unless the flexibilities are extended again, the Ryan Haight "
        + "Act requires an in-person evaluation before a controlled substance is prescribed by "
        + "telemedicine; ketamine is Schedule III. The end date is data in the rubric "
        + "(RubricV2.deaTelemedicineFlexibilitiesEnd).",
      sources: [.deaRyanHaight]),
    RubricChange(
      .flag, "team.no-mental-health-professional",
      change: "critical kept; checked once a team is on record (was: also on an empty roster)",
      reason: "The guidelines make ketamine for psychiatric use a mental-health treatment that "
        + "needs psychological care before, during and after dosing (clauses 1, 2 and 4); the "
        + "flag already counts therapist partners and clinicians who hold both roles (clause "
        + "3), so it fires only where no one holds the role at all. A clinic whose team and "
        + "partners are not recorded yet has an open item (completeness), not a finding.",
      sources: [.ketamineOath, .ncqaCredentialing]),
    RubricChange(
      .flag, "team.no-medical-professional",
      change: "critical kept; checked once a team is on record (was: also on an empty roster)",
      reason: "Without anyone in the medical role no one assesses physical condition before "
        + "treatment or keeps the patient safe during it (clause 5); it already counts "
        + "prescribing partners. As above, an empty roster is not yet a finding.",
      sources: [.ketamineOath, .ncqaCredentialing]),
  ]

  /// The team-composition flags judge a roster, so 2026.2 checks them once one is on record:
  /// someone on the team (a solo practitioner is on their own team) or an outside partner.
  static func onceATeamIsOnRecord(_ flag: RedFlag) -> RedFlag {
    flag.revised(
      sources: flag.sources + [.ncqaCredentialing],
      condition: flag.condition
        + " Checked once a team is on record: a clinic with no practitioner and no partner "
        + "recorded yet has open items instead."
    ) { context in
      context.facts.practitioners.isEmpty && context.facts.affiliations.isEmpty
        ? nil : flag.check(context)
    }
  }

  static let rubric: Rubric = {
    func line(_ id: String) -> RubricChange? { changes.first { $0.id == id } }
    let flags =
      RubricV1.flags.map { flag -> RedFlag in
        switch flag.id {
        case "marketing.outcome-promise", "marketing.fda-approval-claim",
          "marketing.non-addictive-claim":
          return flag.revised(
            severity: .critical, sources: flag.sources + (line(flag.id)?.sources ?? []))
        case "ethics.consent-hides-status":
          return flag.revised(
            applicability: .offersKetamine, sources: flag.sources + [.spravatoREMS])
        case "home.no-in-person-evaluation":
          return noInPersonEvaluationWhileAllowed
        case "team.no-mental-health-professional", "team.no-medical-professional":
          return onceATeamIsOnRecord(flag)
        default:
          return flag
        }
      } + addedFlags
    let criteria = RubricV1.rubric.criteria.flatMap(monitoring).map { criterion -> Criterion in
      criterion.id == "ethics.informed-consent"
        ? criterion.revised(
          applicability: .offersKetamine, sources: criterion.sources + [.spravatoREMS])
        : criterion
    }
    return Rubric(
      version: version, criteria: criteria, flags: flags, credit: RubricV1.credit,
      tiers: RubricV1.tiers.separatingIncomplete(), revises: RubricV1.version, changes: changes,
      recordsRoles: true)
  }()
}

extension Rubric {
  /// Rubric 2026.2 (published for review; see ``Rubric/current``).
  public static let v2 = RubricV2.rubric
}

extension RedFlag {
  /// The same flag (id, condition, check) with another severity, applicability, sources,
  /// condition or check.
  func revised(
    severity: Severity? = nil, applicability: Applicability? = nil, sources: [Source]? = nil,
    condition: String? = nil,
    check: (@Sendable (EvaluationContext) -> Basis?)? = nil
  ) -> RedFlag {
    RedFlag(
      id: id, severity: severity ?? self.severity, condition: condition ?? self.condition,
      sources: Self.unique(sources ?? self.sources),
      applicability: applicability ?? self.applicability, check: check ?? self.check)
  }

  static func unique(_ sources: [Source]) -> [Source] {
    var seen: Set<Source> = []
    return sources.filter { seen.insert($0).inserted }
  }
}

extension Criterion {
  /// The same criterion (id, points, texts, evaluation) with another applicability or sources.
  func revised(applicability: Applicability? = nil, sources: [Source]? = nil) -> Criterion {
    Criterion(
      id: id, area: area, points: points, requirement: requirement, evidence: evidence,
      sources: RedFlag.unique(sources ?? self.sources),
      applicability: applicability ?? self.applicability, evaluate: evaluate)
  }
}
