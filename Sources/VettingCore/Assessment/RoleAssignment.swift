/// Who was counted in the ketamine oath's two professional roles (clause 3: the medical role and
/// the mental-health role, held by one person or by two), and why: one line per person on the
/// team and per outside partner. Assessments under rubric 2026.2 on carry it (``Assessment/roles``).
public struct RoleAssignment: Sendable, Hashable, Codable {
  /// The person's or partner's name.
  public var subject: String
  /// An outside partner rather than a member of the team.
  public var partner: Bool
  /// Counted in the medical role (assesses, prescribes, keeps the patient physically safe).
  public var medical: Bool
  /// Counted in the mental-health role (prepares, supports and integrates the experience).
  public var mentalHealth: Bool
  /// Why, in one line, e.g. "prescriber; psychiatry with psychotherapy training (verified by
  /// staff): also counted as therapist".
  public var reason: String

  /// Creates an assignment.
  public init(subject: String, partner: Bool, medical: Bool, mentalHealth: Bool, reason: String) {
    self.subject = subject
    self.partner = partner
    self.medical = medical
    self.mentalHealth = mentalHealth
    self.reason = reason
  }

  /// The assignments for `facts`, team first (in team order), then partners: the same rules the
  /// team-composition flags and the mental-health criterion apply.
  public static func assign(_ facts: ProviderFacts, asOf: Day) -> [RoleAssignment] {
    var assignments: [RoleAssignment] = []
    assignments.reserveCapacity(facts.practitioners.count + facts.affiliations.count)
    facts.practitioners.forEachBorrowed { person in
      assignments.append(member(person))
    }
    facts.affiliations.forEachBorrowed { affiliation in
      let ended = affiliation.expires.map { $0 < asOf } ?? false
      let role = affiliation.role.rawValue
      let medical = affiliation.role == .prescriber && !ended
      let mentalHealth = affiliation.role == .therapist && !ended
      var reason = "\(role) partner (\(affiliation.provenance.phrase))"
      if ended, let expires = affiliation.expires {
        reason += ": the partnership's evidence expired \(expires); not counted"
      } else if !medical && !mentalHealth {
        reason += ": not one of the two professional roles"
      }
      assignments.append(
        RoleAssignment(
          subject: affiliation.partnerName, partner: true, medical: medical,
          mentalHealth: mentalHealth, reason: reason))
    }
    return assignments
  }

  private static func member(_ person: Practitioner) -> RoleAssignment {
    let discipline = person.discipline.rawValue
    var reasons: [String] = []
    let medical = person.isPrescriber
    if medical { reasons.append("prescriber (\(discipline))") }
    let mentalHealth = person.isTherapist && person.discipline.isMentalHealth
    if mentalHealth {
      if medical, let training = person.psychotherapyTraining, training.value {
        reasons.append(
          "\(discipline) with psychotherapy training (\(training.provenance.phrase)): also "
            + "counted as therapist")
      } else {
        reasons.append("therapist in a mental-health discipline (\(discipline))")
      }
    } else if person.isTherapist {
      reasons.append(
        "therapist, but \(discipline) is not a mental-health discipline: not counted in the "
          + "mental-health role")
    }
    if !medical && !person.isTherapist {
      let roles = person.roles.map(\.rawValue).joined(separator: ", ")
      reasons.append(
        (roles.isEmpty ? "no role recorded" : "staff (\(roles))")
          + ": not one of the two professional roles")
    }
    return RoleAssignment(
      subject: person.name, partner: false, medical: medical, mentalHealth: mentalHealth,
      reason: reasons.joined(separator: "; "))
  }
}
