/// The scoring engine: facts in, ``Assessment`` out. Pure and deterministic.
public enum Engine {
  /// Assesses `facts` against `rubric` with evidence expiry judged on `asOf`.
  ///
  /// Never traps on bad input: malformed facts (an invalid NPI, a missing team) become outcomes
  /// and flags. The same facts, rubric version and day always give an equal assessment.
  public static func assess(_ facts: ProviderFacts, rubric: Rubric = .current, asOf: Day)
    -> Assessment
  {
    let context = EvaluationContext(facts: facts, asOf: asOf, policy: rubric.credit)
    let criteria = rubric.criteria
    var outcomes: [CriterionOutcome] = []
    outcomes.reserveCapacity(criteria.count)
    // Area.allCases is in Area.index order, so an area's sums live at its index.
    var areas = Area.allCases.map {
      AreaScore(area: $0, score: nil, earnedHundredths: 0, possibleHundredths: 0)
    }
    var totalEarned = 0
    var totalPossible = 0

    for index in criteria.indices {
      let criterion = criteria[index]
      guard context.scope.covers(rubric.criterionMasks[index]) else {
        outcomes.append(
          CriterionOutcome(
            criterionID: criterion.id, area: criterion.area, status: .notApplicable,
            possibleHundredths: 0, earnedHundredths: 0,
            basis: Basis(.routes, .notApplicable, detail: criterion.applicability.phrase)))
        continue
      }
      let evaluation = criterion.evaluate(context)
      let credit = min(evaluation.credit, 100)
      let points = criterion.points * 100
      let gained = criterion.points * Int(credit)
      outcomes.append(
        CriterionOutcome(
          criterionID: criterion.id, area: criterion.area, status: OutcomeStatus(credit: credit),
          possibleHundredths: points, earnedHundredths: gained, basis: evaluation.basis))
      totalEarned += gained
      totalPossible += points
      areas[criterion.area.index].earnedHundredths += gained
      areas[criterion.area.index].possibleHundredths += points
    }

    var flags: [RaisedFlag] = []
    var criticalCount = 0
    var majorCount = 0
    for index in rubric.flags.indices where context.scope.covers(rubric.flagMasks[index]) {
      let flag = rubric.flags[index]
      guard let basis = flag.check(context) else { continue }
      flags.append(RaisedFlag(flagID: flag.id, severity: flag.severity, basis: basis))
      switch flag.severity {
      case .critical: criticalCount += 1
      case .major: majorCount += 1
      case .minor: break
      }
    }

    let score = totalPossible > 0 ? totalEarned * 100 / totalPossible : 0
    for index in areas.indices where areas[index].possibleHundredths > 0 {
      areas[index].score = areas[index].earnedHundredths * 100 / areas[index].possibleHundredths
    }
    return Assessment(
      rubricVersion: rubric.version, providerID: facts.id, asOf: asOf, score: score,
      earnedHundredths: totalEarned, possibleHundredths: totalPossible,
      tier: rubric.tiers.tier(score: score, criticalFlags: criticalCount, majorFlags: majorCount),
      areas: areas, outcomes: outcomes, flags: flags)
  }
}
