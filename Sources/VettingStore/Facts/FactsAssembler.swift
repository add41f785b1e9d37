import Foundation
import LibPQ
import VettingCore

/// Builds VettingCore's ``ProviderFacts`` from the stored rows of one provider.
///
/// - A clinic's team is its live affiliated practitioners (affiliation not archived and not ended
///   before the as-of day, practitioner not archived); each counts once whatever their roles.
/// - A solo practitioner's team is themself.
/// - States served: the provider's live locations' states, its `states_served` column and the
///   questionnaire's telehealth states.
/// - Routes and practice facts come from the stored questionnaire.
/// - Partners outside the team (`partners`, not archived, begun and not ended on the as-of day)
///   are VettingCore's `affiliations`.
/// - A team member's certificates and board certifications are their live rows; years in practice
///   are the whole years from `practice_started_on` to the as-of day.
/// - A psychiatrist or psychiatric nurse practitioner recorded as prescriber who has psychotherapy
///   training holds the therapist role too (the ketamine oath, clause 3): the role follows from
///   the person, not only from the staff tag.
/// - Evidence upgrades facts as ``EvidenceIndex`` documents.
/// - Every list is read in id order (team members, licenses, trainings, certificates, board
///   certifications, evidence), so the facts and their input hash do not depend on where rows
///   happen to lie in the heap, and ``FactsBatchLoader`` can build the very same facts.
package enum FactsAssembler {
  /// The facts of provider `id`, or `nil` when there is no such provider or it is archived.
  package static func facts(providerID id: UUID, on connection: Connection, asOf: Day)
    async throws
    -> ProviderFacts?
  {
    guard
      let kindRow = try await connection.query(
        "select kind from providers where id = $1", [id]
      ).singleRow()
    else { return nil }
    let kind = try kindRow.decode(String.self, at: 0)
    let questionnaire = try await questionnaire(providerID: id, on: connection)
    let evidence = try await EvidenceIndex.load(providerID: id, on: connection, asOf: asOf)
    let locationStates = try await connection.query(
      "select distinct state from locations where provider_id = $1 and archived_at is null",
      [id]
    ).map { try $0.decode(String.self, at: 0) }

    var facts: ProviderFacts
    var declaredStates: [String]
    if kind == "clinic" {
      guard
        let row = try await connection.query(
          "select name, npi, npi_status, states_served from clinics where id = $1 and archived_at is null",
          [id]
        ).singleRow()
      else { return nil }
      declaredStates = try row.decode([String].self, "states_served")
      var npi = try row.decode(String?.self, "npi").map {
        Attested(
          $0, SchemaVocabulary.npiProvenance(status: try row.decode(String.self, "npi_status")))
      }
      evidence.upgrade(&npi, .organisationNPI)
      let teamIDs = try await connection.query(
        """
        select distinct p.id from affiliations a join practitioners p on p.id = a.practitioner_id
         where a.clinic_id = $1 and a.archived_at is null and p.archived_at is null
           and (a.ended_on is null or a.ended_on >= $2)
         order by p.id
        """, [id, asOf.postgres]
      ).map { try $0.decode(UUID.self, at: 0) }
      var team: [Practitioner] = []
      for memberID in teamIDs {
        if let member = try await practitioner(memberID, on: connection, asOf: asOf) {
          team.append(member.0)
        }
      }
      facts = ProviderFacts(
        id: id.uuidString.lowercased(), kind: .clinic, name: try row.decode(String.self, "name"),
        npi: npi, practitioners: team)
      facts.npiRegistry = SchemaVocabulary.npiFinding(
        status: try row.decode(String.self, "npi_status"))
    } else {
      guard let (member, states) = try await practitioner(id, on: connection, asOf: asOf) else {
        return nil
      }
      declaredStates = states
      facts = ProviderFacts(
        id: id.uuidString.lowercased(), kind: .practitioner, name: member.name,
        practitioners: [member])
    }
    facts.affiliations = try await partners(providerID: id, on: connection, asOf: asOf)
    var practice = questionnaire?.practice ?? PracticeProfile()
    evidence.upgrade(&practice)
    facts.practice = practice
    facts.routes = questionnaire?.routes ?? []
    facts.statesServed = Array(
      Set(locationStates + declaredStates + (questionnaire?.telehealthStates ?? []))
    ).sorted()
    return facts
  }

  /// The stored questionnaire of a provider, if any.
  static func questionnaire(providerID: UUID, on connection: Connection) async throws
    -> PracticeQuestionnaire?
  {
    guard
      let row = try await connection.query(
        "select facts from practice_profiles where provider_id = $1", [providerID]
      ).singleRow()
    else { return nil }
    return try row.decode(PostgresJSONB.self, at: 0).decode(PracticeQuestionnaire.self)
  }

  /// The partners that count on `asOf`: not archived, begun, not yet ended.
  static func partners(providerID: UUID, on connection: Connection, asOf: Day) async throws
    -> [Affiliation]
  {
    try await connection.query(
      """
      select name, npi, role, provenance from partners
       where provider_id = $1 and archived_at is null
         and (started_on is null or started_on <= $2) and (ended_on is null or ended_on >= $2)
       order by lower(name), id
      """, [providerID, asOf.postgres]
    ).map { row in
      Affiliation(
        partnerName: try row.decode(String.self, "name"),
        partnerNPI: try row.decode(String?.self, "npi"),
        role: SchemaVocabulary.affiliationRole(try row.decode(String.self, "role")),
        provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance")))
    }
  }

  /// One live practitioner as a team member, with the states they declare.
  static func practitioner(_ id: UUID, on connection: Connection, asOf: Day) async throws
    -> (Practitioner, [String])?
  {
    guard
      let row = try await connection.query(
        """
        select full_name, credentials, professional_role, discipline, npi, npi_status,
               kap_sessions_delivered, states_served, practice_started_on, psychotherapy_trained
          from practitioners where id = $1 and archived_at is null
        """, [id]
      ).singleRow()
    else { return nil }
    let evidence = try await EvidenceIndex.load(providerID: id, on: connection, asOf: asOf)
    var name = try row.decode(String.self, "full_name")
    if let credentials = try row.decode(String?.self, "credentials"), !credentials.isEmpty {
      name += ", " + credentials
    }
    var npi = try row.decode(String?.self, "npi").map {
      Attested(
        $0, SchemaVocabulary.npiProvenance(status: try row.decode(String.self, "npi_status")))
    }
    evidence.upgrade(&npi, .npi)

    var licenses: [License] = []
    for license in try await connection.query(
      """
      select id, state, license_type, license_number, status, provenance, expires_on
        from licenses where practitioner_id = $1 and archived_at is null order by id
      """, [id])
    {
      let licenseID = try license.decode(UUID.self, "id")
      let (provenance, expires) = EvidenceIndex.upgraded(
        SchemaVocabulary.provenance(try license.decode(String.self, "provenance")),
        try license.decode(PostgresDate?.self, "expires_on").map(Day.init),
        by: evidence.best { $0.licenseID == licenseID })
      licenses.append(
        License(
          state: try license.decode(String.self, "state"),
          type: try license.decode(String.self, "license_type"),
          number: try license.decode(String.self, "license_number"),
          status: SchemaVocabulary.licenseStatus(try license.decode(String.self, "status")),
          provenance: provenance, expires: expires))
    }

    var trainings: [Training] = []
    for training in try await connection.query(
      """
      select id, program, hours, status, completed_on, certificate_expires_on, provenance
        from trainings where practitioner_id = $1 and archived_at is null and status <> 'withdrawn'
       order by id
      """, [id])
    {
      let trainingID = try training.decode(UUID.self, "id")
      let (provenance, expires) = EvidenceIndex.upgraded(
        SchemaVocabulary.provenance(try training.decode(String.self, "provenance")),
        try training.decode(PostgresDate?.self, "certificate_expires_on").map(Day.init),
        by: evidence.best { $0.trainingID == trainingID })
      let hours = try training.decode(Decimal?.self, "hours") ?? 0
      trainings.append(
        Training(
          program: TrainingProgram(rawValue: try training.decode(String.self, "program")) ?? .other,
          hours: NSDecimalNumber(decimal: hours).intValue,
          completed: try training.decode(PostgresDate?.self, "completed_on").map(Day.init),
          provenance: provenance, expires: expires))
    }

    let discipline = SchemaVocabulary.discipline(try row.decode(String.self, "discipline"))
    var roles = SchemaVocabulary.roles(try row.decode(String.self, "professional_role"))
    let psychotherapy = try row.decode(Bool?.self, "psychotherapy_trained")
    if psychotherapy == true, roles.contains(.prescriber),
      discipline == .psychiatry || discipline == .psychiatricNursing
    {
      roles.insert(.therapist)
    }
    var member = Practitioner(
      id: id.uuidString.lowercased(), name: name, roles: roles.sorted(), discipline: discipline,
      npi: npi, licenses: licenses, trainings: trainings,
      certifications: try await certifications(of: id, evidence: evidence, on: connection))
    member.npiRegistry = SchemaVocabulary.npiFinding(
      status: try row.decode(String.self, "npi_status"))
    member.boardCertification = try await boardCertification(
      of: id, evidence: evidence, asOf: asOf, on: connection)
    if let psychotherapy {
      var attested: Attested<Bool>? = .selfReported(psychotherapy)
      evidence.upgrade(&attested, .psychotherapyTraining)
      member.psychotherapyTraining = attested
    }
    if let started = try row.decode(PostgresDate?.self, "practice_started_on").map(Day.init),
      started <= asOf
    {
      var attested: Attested<Int>? = .selfReported(started.wholeYears(until: asOf))
      evidence.upgrade(&attested, .yearsInPractice)
      member.yearsInPractice = attested
    }
    let sessions = try row.decode(Int32.self, "kap_sessions_delivered")
    if sessions > 0 {
      var attested: Attested<Int>? = .selfReported(Int(sessions))
      evidence.upgrade(&attested, .kapSessionsDelivered)
      member.kapSessionsDelivered = attested
    }
    member.malpracticeInsurance = evidence.credential(.malpracticeInsurance)
    member.graduateDegree = evidence.credential(.graduateDegree)
    member.traumaTraining = evidence.credential(.traumaTraining)
    return (member, try row.decode([String].self, "states_served"))
  }

  /// A practitioner's live certificates, each upgraded by `life-support-certificate` evidence on
  /// the practitioner.
  static func certifications(of id: UUID, evidence: EvidenceIndex, on connection: Connection)
    async throws -> [Certification]
  {
    let proof = evidence.best(.lifeSupportCertificate)
    return try await connection.query(
      """
      select kind, issued_on, expires_on, provenance from certificates
       where practitioner_id = $1 and archived_at is null order by id
      """, [id]
    ).map { row in
      let (provenance, expires) = EvidenceIndex.upgraded(
        SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
        try row.decode(PostgresDate?.self, "expires_on").map(Day.init), by: proof)
      return Certification(
        kind: CertificationKind(rawValue: try row.decode(String.self, "kind")) ?? .bls,
        provenance: provenance, expires: expires,
        issued: try row.decode(PostgresDate?.self, "issued_on").map(Day.init))
    }
  }

  /// The board certification the rubric reads: of the live ones, a current one in a specialty
  /// accepted for clinic oversight first, then any current one, then the strongest provenance
  /// and the latest expiry; upgraded by `clinic-oversight` evidence on the practitioner.
  static func boardCertification(
    of id: UUID, evidence: EvidenceIndex, asOf: Day, on connection: Connection
  ) async throws -> Attested<Discipline>? {
    let boards = try await connection.query(
      """
      select specialty, expires_on, provenance from board_certifications
       where practitioner_id = $1 and archived_at is null order by id
      """, [id]
    ).map { row in
      Attested(
        SchemaVocabulary.discipline(try row.decode(String.self, "specialty")),
        SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
        expires: try row.decode(PostgresDate?.self, "expires_on").map(Day.init))
    }
    return chosenBoard(boards, evidence: evidence, asOf: asOf)
  }

  /// Of a practitioner's live board certifications in id order, the one the rubric reads (see
  /// ``boardCertification(of:evidence:asOf:on:)``), upgraded by evidence.
  static func chosenBoard(_ boards: [Attested<Discipline>], evidence: EvidenceIndex, asOf: Day)
    -> Attested<Discipline>?
  {
    let never = Day(year: 9999, month: 12, day: 31)!
    func precedes(_ lhs: Attested<Discipline>, _ rhs: Attested<Discipline>) -> Bool {
      func key(_ board: Attested<Discipline>) -> (Int, Int, Provenance, Day) {
        let current = !board.isExpired(asOf: asOf)
        return (
          current && board.value.isAcceptedOversightBoard ? 1 : 0, current ? 1 : 0,
          board.provenance, board.expires ?? never
        )
      }
      return key(lhs) < key(rhs)
    }
    var chosen = boards.max(by: precedes)
    evidence.upgrade(&chosen, .clinicOversight)
    return chosen
  }
}
