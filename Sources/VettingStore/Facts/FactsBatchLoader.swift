import Foundation
import LibPQ
import VettingCore

/// Builds the ``ProviderFacts`` of many providers at once: the same facts, field for field and in
/// the same order, as ``FactsAssembler`` builds one at a time, read with a fixed number of
/// statements (twelve, each `= any($1)` over the chunk's ids) instead of about ten per team
/// member. Bulk loads and revet-all read a chunk of providers (hundreds to thousands) this way.
///
/// The rules (team, states, partners, evidence, roles, years in practice) are
/// ``FactsAssembler``'s; `FactsBatchLoaderTests` checks the two agree on varied providers.
package enum FactsBatchLoader {
  /// The facts of each live provider among `ids` (archived and unknown ids are absent).
  package static func facts(providerIDs ids: [UUID], on connection: Connection, asOf: Day)
    async throws -> [UUID: ProviderFacts]
  {
    guard !ids.isEmpty else { return [:] }
    let rows = try await Rows.load(providerIDs: ids, on: connection, asOf: asOf)
    var result: [UUID: ProviderFacts] = [:]
    for id in ids {
      guard let kind = rows.kinds[id] else { continue }
      var facts: ProviderFacts
      var declaredStates: [String]
      let evidence = EvidenceIndex(items: rows.evidence[id] ?? [])
      if kind == "clinic" {
        guard let clinic = rows.clinics[id] else { continue }
        declaredStates = clinic.states
        var npi = clinic.npi
        evidence.upgrade(&npi, .organisationNPI)
        let team = (rows.teams[id] ?? []).compactMap { rows.members[$0]?.0 }
        facts = ProviderFacts(
          id: id.uuidString.lowercased(), kind: .clinic, name: clinic.name, npi: npi,
          practitioners: team)
        facts.npiRegistry = clinic.npiRegistry
      } else {
        guard let (member, states) = rows.members[id] else { continue }
        declaredStates = states
        facts = ProviderFacts(
          id: id.uuidString.lowercased(), kind: .practitioner, name: member.name,
          practitioners: [member])
      }
      facts.affiliations = rows.partners[id] ?? []
      let questionnaire = rows.questionnaires[id]
      var practice = questionnaire?.practice ?? PracticeProfile()
      evidence.upgrade(&practice)
      facts.practice = practice
      facts.routes = questionnaire?.routes ?? []
      facts.statesServed = Array(
        Set(
          (rows.locationStates[id] ?? []) + declaredStates + (questionnaire?.telehealthStates ?? [])
        )
      ).sorted()
      result[id] = facts
    }
    return result
  }

  /// The rows of one chunk, grouped by provider or practitioner id.
  private struct Rows {
    struct Clinic {
      var name: String
      var npi: Attested<String>?
      var npiRegistry: NPI.RegistryFinding?
      var states: [String]
    }

    var kinds: [UUID: String] = [:]
    var clinics: [UUID: Clinic] = [:]
    /// Clinic id → live team member ids, in id order.
    var teams: [UUID: [UUID]] = [:]
    /// Practitioner id → the team member and the states they declare.
    var members: [UUID: (Practitioner, [String])] = [:]
    var evidence: [UUID: [EvidenceIndex.Item]] = [:]
    var questionnaires: [UUID: PracticeQuestionnaire] = [:]
    var locationStates: [UUID: [String]] = [:]
    var partners: [UUID: [Affiliation]] = [:]

    static func load(providerIDs ids: [UUID], on connection: Connection, asOf: Day) async throws
      -> Rows
    {
      var rows = Rows()
      for row in try await connection.query(
        "select id, kind from providers where id = any($1::uuid[])", [ids])
      {
        rows.kinds[try row.decode(UUID.self, "id")] = try row.decode(String.self, "kind")
      }
      let clinicIDs = ids.filter { rows.kinds[$0] == "clinic" }
      let soloIDs = ids.filter { rows.kinds[$0] == "practitioner" }
      for row in try await connection.query(
        """
        select id, name, npi, npi_status, states_served from clinics
         where id = any($1::uuid[]) and archived_at is null
        """, [clinicIDs])
      {
        let status = try NPIRegistryStatus(column: row)
        let npi = try row.decode(String?.self, "npi").map { Attested($0, status.provenance) }
        rows.clinics[try row.decode(UUID.self, "id")] = Clinic(
          name: try row.decode(String.self, "name"), npi: npi, npiRegistry: status.finding,
          states: try row.decode([String].self, "states_served"))
      }
      var people = soloIDs
      for row in try await connection.query(
        """
        select distinct a.clinic_id, p.id from affiliations a
          join practitioners p on p.id = a.practitioner_id
         where a.clinic_id = any($1::uuid[]) and a.archived_at is null and p.archived_at is null
           and (a.ended_on is null or a.ended_on >= $2)
         order by a.clinic_id, p.id
        """, [clinicIDs, asOf.postgres])
      {
        let member = try row.decode(UUID.self, at: 1)
        rows.teams[try row.decode(UUID.self, at: 0), default: []].append(member)
        people.append(member)
      }
      people = Array(Set(people))

      for row in try await connection.query(
        """
        select provider_id, fact, license_id, training_id, provenance, expires_on
          from evidence_items
         where provider_id = any($1::uuid[]) and archived_at is null
           and (expires_on is null or expires_on >= $2)
         order by provider_id, id
        """, [Array(Set(ids + people)), asOf.postgres])
      {
        if let item = try EvidenceIndex.item(row) {
          rows.evidence[try row.decode(UUID.self, "provider_id"), default: []].append(item)
        }
      }
      try await rows.loadMembers(people, on: connection, asOf: asOf)

      for row in try await connection.query(
        "select provider_id, facts from practice_profiles where provider_id = any($1::uuid[])",
        [ids])
      {
        rows.questionnaires[try row.decode(UUID.self, "provider_id")] = try row.decode(
          PostgresJSONB.self, "facts"
        ).decode(PracticeQuestionnaire.self)
      }
      for row in try await connection.query(
        """
        select distinct provider_id, state from locations
         where provider_id = any($1::uuid[]) and archived_at is null
        """, [ids])
      {
        rows.locationStates[try row.decode(UUID.self, "provider_id"), default: []].append(
          try row.decode(String.self, "state"))
      }
      for row in try await connection.query(
        """
        select provider_id, name, npi, role, provenance from partners
         where provider_id = any($1::uuid[]) and archived_at is null
           and (started_on is null or started_on <= $2) and (ended_on is null or ended_on >= $2)
         order by provider_id, lower(name), id
        """, [ids, asOf.postgres])
      {
        rows.partners[try row.decode(UUID.self, "provider_id"), default: []].append(
          Affiliation(
            partnerName: try row.decode(String.self, "name"),
            partnerNPI: try row.decode(String?.self, "npi"),
            role: SchemaVocabulary.affiliationRole(try row.decode(String.self, "role")),
            provenance: SchemaVocabulary.provenance(try row.decode(String.self, "provenance"))))
      }
      return rows
    }

    /// Fills ``members`` with the live practitioners among `ids` (``FactsAssembler``'s
    /// `practitioner(_:on:asOf:)` for each); needs ``evidence`` loaded.
    mutating func loadMembers(_ ids: [UUID], on connection: Connection, asOf: Day) async throws {
      var licenses: [UUID: [License]] = [:]
      for license in try await connection.query(
        """
        select id, practitioner_id, state, license_type, license_number, status, provenance,
               expires_on
          from licenses where practitioner_id = any($1::uuid[]) and archived_at is null
         order by practitioner_id, id
        """, [ids])
      {
        let owner = try license.decode(UUID.self, "practitioner_id")
        let licenseID = try license.decode(UUID.self, "id")
        let (provenance, expires) = EvidenceIndex.upgraded(
          SchemaVocabulary.provenance(try license.decode(String.self, "provenance")),
          try license.decode(PostgresDate?.self, "expires_on").map(Day.init),
          by: index(owner).best { $0.licenseID == licenseID })
        licenses[owner, default: []].append(
          License(
            state: try license.decode(String.self, "state"),
            type: try license.decode(String.self, "license_type"),
            number: try license.decode(String.self, "license_number"),
            status: SchemaVocabulary.licenseStatus(try license.decode(String.self, "status")),
            provenance: provenance, expires: expires))
      }
      var trainings: [UUID: [Training]] = [:]
      for training in try await connection.query(
        """
        select id, practitioner_id, program, hours, completed_on, certificate_expires_on,
               provenance
          from trainings
         where practitioner_id = any($1::uuid[]) and archived_at is null
           and status <> 'withdrawn'
         order by practitioner_id, id
        """, [ids])
      {
        let owner = try training.decode(UUID.self, "practitioner_id")
        let trainingID = try training.decode(UUID.self, "id")
        let (provenance, expires) = EvidenceIndex.upgraded(
          SchemaVocabulary.provenance(try training.decode(String.self, "provenance")),
          try training.decode(PostgresDate?.self, "certificate_expires_on").map(Day.init),
          by: index(owner).best { $0.trainingID == trainingID })
        let hours = try training.decode(Decimal?.self, "hours") ?? 0
        trainings[owner, default: []].append(
          Training(
            program: TrainingProgram(rawValue: try training.decode(String.self, "program"))
              ?? .other,
            hours: NSDecimalNumber(decimal: hours).intValue,
            completed: try training.decode(PostgresDate?.self, "completed_on").map(Day.init),
            provenance: provenance, expires: expires))
      }
      var certificates: [UUID: [Certification]] = [:]
      for row in try await connection.query(
        """
        select practitioner_id, kind, issued_on, expires_on, provenance from certificates
         where practitioner_id = any($1::uuid[]) and archived_at is null
         order by practitioner_id, id
        """, [ids])
      {
        let owner = try row.decode(UUID.self, "practitioner_id")
        let (provenance, expires) = EvidenceIndex.upgraded(
          SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
          try row.decode(PostgresDate?.self, "expires_on").map(Day.init),
          by: index(owner).best(.lifeSupportCertificate))
        certificates[owner, default: []].append(
          Certification(
            kind: CertificationKind(rawValue: try row.decode(String.self, "kind")) ?? .bls,
            provenance: provenance, expires: expires,
            issued: try row.decode(PostgresDate?.self, "issued_on").map(Day.init)))
      }
      var boards: [UUID: [Attested<Discipline>]] = [:]
      for row in try await connection.query(
        """
        select practitioner_id, specialty, expires_on, provenance from board_certifications
         where practitioner_id = any($1::uuid[]) and archived_at is null
         order by practitioner_id, id
        """, [ids])
      {
        boards[try row.decode(UUID.self, "practitioner_id"), default: []].append(
          Attested(
            SchemaVocabulary.discipline(try row.decode(String.self, "specialty")),
            SchemaVocabulary.provenance(try row.decode(String.self, "provenance")),
            expires: try row.decode(PostgresDate?.self, "expires_on").map(Day.init)))
      }
      for row in try await connection.query(
        """
        select id, full_name, credentials, professional_role, discipline, npi, npi_status,
               kap_sessions_delivered, states_served, practice_started_on, psychotherapy_trained
          from practitioners where id = any($1::uuid[]) and archived_at is null
        """, [ids])
      {
        let id = try row.decode(UUID.self, "id")
        let evidence = index(id)
        var name = try row.decode(String.self, "full_name")
        if let credentials = try row.decode(String?.self, "credentials"), !credentials.isEmpty {
          name += ", " + credentials
        }
        let npiStatus = try NPIRegistryStatus(column: row)
        var npi = try row.decode(String?.self, "npi").map { Attested($0, npiStatus.provenance) }
        evidence.upgrade(&npi, .npi)
        let discipline = SchemaVocabulary.discipline(try row.decode(String.self, "discipline"))
        var roles = SchemaVocabulary.roles(try row.decode(String.self, "professional_role"))
        let psychotherapy = try row.decode(Bool?.self, "psychotherapy_trained")
        if psychotherapy == true, roles.contains(.prescriber),
          discipline == .psychiatry || discipline == .psychiatricNursing
        {
          roles.insert(.therapist)
        }
        var member = Practitioner(
          id: id.uuidString.lowercased(), name: name, roles: roles.sorted(),
          discipline: discipline, npi: npi, licenses: licenses[id] ?? [],
          trainings: trainings[id] ?? [], certifications: certificates[id] ?? [])
        member.npiRegistry = npiStatus.finding
        member.boardCertification = FactsAssembler.chosenBoard(
          boards[id] ?? [], evidence: evidence, asOf: asOf)
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
        members[id] = (member, try row.decode([String].self, "states_served"))
      }
    }

    private func index(_ id: UUID) -> EvidenceIndex {
      EvidenceIndex(items: evidence[id] ?? [])
    }
  }
}
