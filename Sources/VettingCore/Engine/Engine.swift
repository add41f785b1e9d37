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
    var outcomes: [CriterionOutcome] = []
    outcomes.reserveCapacity(rubric.compiledCriteria.count)
    // Area.allCases is in Area.index order, so an area's sums live at its index.
    var areas = Area.allCases.map {
      AreaScore(area: $0, score: nil, earnedHundredths: 0, possibleHundredths: 0)
    }
    var totalEarned = 0
    var totalPossible = 0
    var openPossible = 0

    rubric.compiledCriteria.withUnsafeBufferPointer { criteria in
      for index in criteria.indices {
        guard context.scope.covers(criteria[index].mask) else {
          outcomes.append(
            CriterionOutcome(
              criterionID: criteria[index].id, area: criteria[index].area,
              status: .notApplicable, possibleHundredths: 0, earnedHundredths: 0,
              basis: Basis(
                .routes, .notApplicable, detail: criteria[index].applicability.phrase)))
          continue
        }
        let evaluation = criteria[index].evaluate(context)
        let credit = min(evaluation.credit, 100)
        let possible = criteria[index].possibleHundredths
        let gained = criteria[index].points * Int(credit)
        let area = criteria[index].area.index
        outcomes.append(
          CriterionOutcome(
            criterionID: criteria[index].id, area: criteria[index].area,
            status: OutcomeStatus(credit: credit), possibleHundredths: possible,
            earnedHundredths: gained, basis: evaluation.basis))
        totalEarned += gained
        totalPossible += possible
        if Completeness.isOpen(evaluation.basis.finding) { openPossible += possible - gained }
        areas[area].earnedHundredths += gained
        areas[area].possibleHundredths += possible
      }
    }

    var flags: [RaisedFlag] = []
    flags.reserveCapacity(8)
    var criticalCount = 0
    var majorCount = 0
    rubric.compiledFlags.withUnsafeBufferPointer { compiled in
      for index in compiled.indices where context.scope.covers(compiled[index].mask) {
        guard let basis = compiled[index].check(context) else { continue }
        let severity = compiled[index].severity
        flags.append(RaisedFlag(flagID: compiled[index].id, severity: severity, basis: basis))
        switch severity {
        case .critical: criticalCount += 1
        case .major: majorCount += 1
        case .minor: break
        }
      }
    }

    let score = totalPossible > 0 ? totalEarned * 100 / totalPossible : 0
    let reachable = totalPossible > 0 ? (totalEarned + openPossible) * 100 / totalPossible : 0
    for index in areas.indices where areas[index].possibleHundredths > 0 {
      areas[index].score = areas[index].earnedHundredths * 100 / areas[index].possibleHundredths
    }
    return Assessment(
      rubricVersion: rubric.version, providerID: facts.id, asOf: asOf, score: score,
      earnedHundredths: totalEarned, possibleHundredths: totalPossible,
      tier: rubric.tiers.tier(
        score: score, criticalFlags: criticalCount, majorFlags: majorCount,
        reachableScore: reachable),
      areas: areas, outcomes: outcomes, flags: flags,
      roles: rubric.recordsRoles ? RoleAssignment.assign(facts, asOf: asOf) : nil)
  }
}
