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
/// - VettingCore's `affiliations` (partners outside the team) have no schema counterpart yet and
///   stay empty.
/// - Evidence upgrades facts as ``EvidenceIndex`` documents.
enum FactsAssembler {
  /// The facts of provider `id`, or `nil` when there is no such provider or it is archived.
  static func facts(providerID id: UUID, on connection: Connection, asOf: Day) async throws
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
      "select distinct state from locations where provider_id = $1 and archived_at is null", [id]
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
    } else {
      guard let (member, states) = try await practitioner(id, on: connection, asOf: asOf) else {
        return nil
      }
      declaredStates = states
      facts = ProviderFacts(
        id: id.uuidString.lowercased(), kind: .practitioner, name: member.name,
        practitioners: [member])
    }
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

  /// One live practitioner as a team member, with the states they declare.
  static func practitioner(_ id: UUID, on connection: Connection, asOf: Day) async throws
    -> (Practitioner, [String])?
  {
    guard
      let row = try await connection.query(
        """
        select full_name, credentials, professional_role, discipline, npi, npi_status,
               kap_sessions_delivered, states_served
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
        from licenses where practitioner_id = $1 and archived_at is null
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

    var member = Practitioner(
      id: id.uuidString.lowercased(), name: name,
      roles: SchemaVocabulary.roles(try row.decode(String.self, "professional_role")).sorted(),
      discipline: SchemaVocabulary.discipline(try row.decode(String.self, "discipline")),
      npi: npi, licenses: licenses, trainings: trainings)
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
}
