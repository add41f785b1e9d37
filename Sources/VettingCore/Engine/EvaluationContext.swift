/// What a criterion or flag sees: the facts, the as-of day and the credit policy, with helpers that
/// turn one fact into credit and a ``Basis`` without formatting any text.
///
/// A final class so that the dozens of criteria and flags evaluated per assessment share it by
/// reference instead of copying the facts (and retaining everything in them) each time.
public final class EvaluationContext: Sendable {
  /// The provider's facts.
  public let facts: ProviderFacts
  /// The day evidence expiry is judged against.
  public let asOf: Day
  /// Credit by provenance.
  public let policy: CreditPolicy
  let scope: Scope

  init(facts: ProviderFacts, asOf: Day, policy: CreditPolicy) {
    self.facts = facts
    self.asOf = asOf
    self.policy = policy
    self.scope = Scope(facts)
  }

  /// The percent credit for evidence of `provenance`.
  @inline(__always)
  func credit(_ provenance: Provenance) -> UInt8 { policy.percent(for: provenance) }

  /// Full credit by provenance when the fact is recorded as true and current.
  func yes(_ key: FactKey, _ fact: Attested<Bool>?, subject: String? = nil) -> Evaluation {
    guard let fact else { return .none(Basis(key, .missing, subject: subject)) }
    if fact.isExpired(asOf: asOf) {
      return .none(
        Basis(key, .expired, provenance: fact.provenance, date: fact.expires, subject: subject))
    }
    let basis = Basis(
      key, fact.value ? .affirmed : .denied, provenance: fact.provenance, date: fact.expires,
      subject: subject)
    return Evaluation(credit: fact.value ? credit(fact.provenance) : 0, basis: basis)
  }

  /// Credit by provenance when the fact is recorded as false (the bad practice is absent).
  func no(_ key: FactKey, _ fact: Attested<Bool>?) -> Evaluation {
    guard let fact else { return .none(Basis(key, .missing)) }
    if fact.isExpired(asOf: asOf) {
      return .none(Basis(key, .expired, provenance: fact.provenance, date: fact.expires))
    }
    let basis = Basis(
      key, fact.value ? .present : .denied, detail: fact.value ? "yes" : nil,
      provenance: fact.provenance, date: fact.expires)
    return Evaluation(credit: fact.value ? 0 : credit(fact.provenance), basis: basis)
  }

  /// Credit by provenance when the number is at least `minimum`.
  func atLeast(_ key: FactKey, _ fact: Attested<Int>?, _ minimum: Int, unit: Unit) -> Evaluation {
    guard let fact else { return .none(Basis(key, .missing)) }
    if fact.isExpired(asOf: asOf) {
      return .none(Basis(key, .expired, provenance: fact.provenance, date: fact.expires))
    }
    guard fact.value >= 0 else {
      return .none(
        Basis(
          key, .invalid, detail: "negative value", number: fact.value, unit: unit,
          provenance: fact.provenance))
    }
    let meets = fact.value >= minimum
    let basis = Basis(
      key, meets ? .meetsMinimum : .belowMinimum, number: fact.value, limit: minimum, unit: unit,
      provenance: fact.provenance, date: fact.expires)
    return Evaluation(credit: meets ? credit(fact.provenance) : 0, basis: basis)
  }

  /// Credit by provenance when the number is at most `maximum`.
  func atMost(_ key: FactKey, _ fact: Attested<Int>?, _ maximum: Int, unit: Unit) -> Evaluation {
    guard let fact else { return .none(Basis(key, .missing)) }
    if fact.isExpired(asOf: asOf) {
      return .none(Basis(key, .expired, provenance: fact.provenance, date: fact.expires))
    }
    guard fact.value >= 0 else {
      return .none(
        Basis(
          key, .invalid, detail: "negative value", number: fact.value, unit: unit,
          provenance: fact.provenance))
    }
    let within = fact.value <= maximum
    let basis = Basis(
      key, within ? .withinMaximum : .aboveMaximum, number: fact.value, limit: maximum,
      unit: unit, provenance: fact.provenance, date: fact.expires)
    return Evaluation(credit: within ? credit(fact.provenance) : 0, basis: basis)
  }

  /// Credit by provenance when the evaluation is a live clinician assessment.
  func liveEvaluation(_ key: FactKey, _ fact: Attested<EvaluationMode>?) -> Evaluation {
    guard let fact else { return .none(Basis(key, .missing)) }
    if fact.isExpired(asOf: asOf) {
      return .none(Basis(key, .expired, provenance: fact.provenance, date: fact.expires))
    }
    let live = fact.value.isLiveAssessment
    let basis = Basis(
      key, live ? .affirmed : .denied, detail: fact.value.rawValue, provenance: fact.provenance,
      date: fact.expires)
    return Evaluation(credit: live ? credit(fact.provenance) : 0, basis: basis)
  }

  /// The weakest result over the practitioners holding `role` (every one must meet it).
  /// Without any such practitioner on the team, no credit.
  ///
  /// With no `role`, "every practitioner" means every member whose role needs a license
  /// (``Practitioner/requiresLicense``), or, with `professionalOnly`, every therapist and
  /// prescriber: a monitor or an integration coach is not held to licensure criteria.
  func everyPractitioner(
    _ role: PractitionerRole?, missing key: FactKey, professionalOnly: Bool = false,
    _ evaluate: (borrowing Practitioner) -> Evaluation
  ) -> Evaluation {
    var weakest = Pick.weakest()
    facts.practitioners.withUnsafeBufferPointer { team in
      for index in team.indices {
        if let role {
          if !team[index].roles.contains(role) { continue }
        } else if professionalOnly ? !team[index].isProfessional : !team[index].requiresLicense {
          continue
        }
        weakest.offer(evaluate(team[index]))
        if weakest.keptCredit == 0 { break }
      }
    }
    return weakest.chosen
      ?? .none(Basis(key, .missing, detail: role.map { "no " + $0.rawValue + " on the team" }))
  }

  /// The strongest result over the practitioners holding `role` (one is enough).
  func anyPractitioner(
    _ role: PractitionerRole?, missing key: FactKey, missingDetail: String,
    _ evaluate: (borrowing Practitioner) -> Evaluation
  ) -> Evaluation {
    var best = Pick.strongest()
    facts.practitioners.withUnsafeBufferPointer { team in
      for index in team.indices {
        if let role, !team[index].roles.contains(role) { continue }
        best.offer(evaluate(team[index]))
      }
    }
    return best.chosen ?? .none(Basis(key, .missing, detail: missingDetail))
  }

  /// The practitioner's best current, active license (optionally in one state).
  func bestLicense(of practitioner: borrowing Practitioner, state: String? = nil) -> Evaluation {
    // Only the name is captured below: capturing the borrowed practitioner would copy it.
    let name = practitioner.name
    var best = Pick.strongest()
    practitioner.licenses.forEachBorrowed { license in
      if let state, license.state != state { return }
      if license.expires.map({ $0 < asOf }) ?? false {
        best.offer(
          .none(
            Basis(
              .license, .expired, provenance: license.provenance, date: license.expires,
              subject: name, qualifier: license.state)))
      } else if license.status != .active {
        best.offer(
          .none(
            Basis(
              .license, .status, detail: license.status.rawValue, provenance: license.provenance,
              subject: name, qualifier: license.state)))
      } else {
        best.offer(
          Evaluation(
            credit: credit(license.provenance),
            basis: Basis(
              .license, .affirmed, detail: "active", provenance: license.provenance,
              date: license.expires, subject: name, qualifier: license.state)))
      }
    }
    return best.chosen
      ?? .none(
        Basis(
          state == nil ? .license : .licenseInState, .missing, subject: name, qualifier: state))
  }

  /// Credit for training hours: the strongest provenance level at which completed, current
  /// trainings (optionally only recognised programs) add up to `minimumHours`.
  func trainingHours(
    of practitioner: borrowing Practitioner, minimumHours: Int, key: FactKey,
    recognisedOnly: Bool = false
  ) -> Evaluation {
    // Hours per provenance, strongest first; adding evidence can only raise the level reached.
    var hours = (0, 0, 0, 0)
    var total = 0
    practitioner.trainings.forEachBorrowed { training in
      guard training.completed != nil, !(training.expires.map { $0 < asOf } ?? false) else {
        return
      }
      // Negative hours are malformed input; they must not cancel out real hours.
      if training.hours <= 0 || (recognisedOnly && !training.program.isRecognised) { return }
      total += training.hours
      switch training.provenance {
      case .publicRegistry: hours.0 += training.hours
      case .verifiedByStaff: hours.1 += training.hours
      case .documentOnFile: hours.2 += training.hours
      case .selfReported: hours.3 += training.hours
      }
    }
    let levels: [(Int, Provenance)] = [
      (hours.0, .publicRegistry), (hours.1, .verifiedByStaff), (hours.2, .documentOnFile),
      (hours.3, .selfReported),
    ]
    var cumulative = 0
    var best: (UInt8, Provenance)?
    for (levelHours, provenance) in levels {
      cumulative += levelHours
      if cumulative >= minimumHours {
        let percent = credit(provenance)
        if best == nil || percent > best!.0 { best = (percent, provenance) }
      }
    }
    if let best {
      return Evaluation(
        credit: best.0,
        basis: Basis(
          key, .meetsMinimum, number: total, limit: minimumHours, unit: .hours,
          provenance: best.1, subject: practitioner.name))
    }
    return .none(
      Basis(
        key, .belowMinimum, number: total, limit: minimumHours, unit: .hours,
        subject: practitioner.name))
  }
}

extension EvaluationContext {
  /// A basis when the fact is current and recorded as false (the practice is explicitly absent).
  func recordedFalse(_ key: FactKey, _ fact: Attested<Bool>?) -> Basis? {
    guard let fact, !fact.value, !fact.isExpired(asOf: asOf) else { return nil }
    return Basis(key, .denied, provenance: fact.provenance, date: fact.expires)
  }

  /// A basis when the fact is current and recorded as true (the bad practice is present).
  func recordedTrue(_ key: FactKey, _ fact: Attested<Bool>?) -> Basis? {
    guard let fact, fact.value, !fact.isExpired(asOf: asOf) else { return nil }
    return Basis(key, .present, detail: "yes", provenance: fact.provenance, date: fact.expires)
  }

  /// A basis when a current advertising claim matching `matching` is on record.
  func claim(_ matching: (MarketingClaim) -> Bool) -> Basis? {
    for claim in facts.practice.ethics.claims
    where matching(claim.value) && !claim.isExpired(asOf: asOf) {
      return Basis(
        .marketingClaims, .present, detail: claim.value.rawValue, provenance: claim.provenance)
    }
    return nil
  }

  /// A basis when a current home formulation `formulation` is on record.
  func dispenses(_ formulation: HomeFormulation) -> Basis? {
    for item in facts.practice.home.formulations
    where item.value == formulation && !item.isExpired(asOf: asOf) {
      return Basis(
        .homeFormulations, .present, detail: formulation.rawValue, provenance: item.provenance)
    }
    return nil
  }
}
