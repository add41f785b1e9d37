import Foundation
import LibPQ
import VettingCore

extension DirectoryRepository {
  /// Replaces a provider's practice questionnaire from its JSON document (see
  /// ``PracticeQuestionnaire``) and re-scores the provider.
  ///
  /// `expectedVersion` is the profile's version, 0 when the provider has none yet.
  /// - Throws: ``StoreError`` `.invalidArgument` with field `profile.<json path>` when the
  ///   document does not decode or validate; `.versionConflict`; `.notFound("provider")`.
  public func setPracticeProfile(
    providerID: UUID, expectedVersion: Int, json: Data, actor: AuditActor
  ) async throws -> PracticeProfileWrite {
    let questionnaire: PracticeQuestionnaire
    do {
      questionnaire = try PracticeQuestionnaire.decode(json: json)
    } catch {
      throw StoreError.invalidArgument(
        field: error.path.isEmpty ? "profile" : "profile.\(error.path)", message: error.message)
    }
    return try await setPracticeProfile(
      providerID: providerID, expectedVersion: expectedVersion, questionnaire, actor: actor)
  }

  /// Replaces a provider's practice questionnaire and re-scores the provider.
  public func setPracticeProfile(
    providerID: UUID, expectedVersion: Int, _ questionnaire: PracticeQuestionnaire,
    actor: AuditActor
  ) async throws -> PracticeProfileWrite {
    do {
      try questionnaire.validate()
    } catch {
      throw StoreError.invalidArgument(field: "profile.\(error.path)", message: error.message)
    }
    return try await write(actor) { connection -> (UUID, affected: [UUID]) in
      try await Self.requireLiveProvider(providerID, on: connection)
      let current = try await connection.query(
        "select id, version, to_jsonb(t) from practice_profiles t where provider_id = $1 for update",
        [providerID]
      ).singleRow()
      let currentVersion = try current?.decode(Int.self, at: 1) ?? 0
      guard currentVersion == expectedVersion else {
        throw StoreError.versionConflict(
          "practice profile", id: providerID.uuidString.lowercased(), expected: expectedVersion,
          current: currentVersion)
      }
      let id = try await Self.writeProfile(
        questionnaire, providerID: providerID, current: current, expectedVersion: expectedVersion,
        actor: actor, on: connection)
      return (id, try await Self.affectedBy(provider: providerID, on: connection))
    } read: { connection, _ in
      PracticeProfileWrite(
        profile: try await Self.profile(providerID: providerID, on: connection)!,
        assessment: try await AssessmentRepository.latestSummary(
          providerID: providerID, on: connection))
    }
  }

  /// Writes `questionnaire` as provider `providerID`'s profile inside the caller's transaction
  /// (`current`: the locked row `id, version, to_jsonb`, or `nil` when there is none) and appends
  /// the audit entry. `questionnaire` must be validated.
  static func writeProfile(
    _ questionnaire: PracticeQuestionnaire, providerID: UUID, current: PostgresRow?,
    expectedVersion: Int, actor: AuditActor, on connection: Connection
  ) async throws -> UUID {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let facts = try PostgresJSONB(encoding: questionnaire, encoder: encoder)
    let parameters: [any PostgresEncodable] = [
      providerID, facts, Array(Set(questionnaire.routes.map(SchemaVocabulary.column))).sorted(),
      Array(Set(questionnaire.conditionsTreated)).sorted(), questionnaire.acceptsInsurance,
      Array(Set(questionnaire.insurancePayers)).sorted(), questionnaire.slidingScale,
      Array(Set(questionnaire.telehealthStates)).sorted(), questionnaire.acceptingNewPatients,
    ]
    let id: UUID
    if let current {
      id = try current.decode(UUID.self, at: 0)
      try await connection.execute(
        """
        update practice_profiles set facts = $2, routes = $3, conditions = $4,
               accepts_insurance = $5, insurance_payers = $6, sliding_scale = $7,
               telehealth_states = $8, accepting_new_patients = $9
         where provider_id = $1
        """, parameters)
    } else {
      // A concurrent first write makes this insert fail on practice_profiles_provider_key.
      guard
        let inserted = try await connection.query(
          """
          insert into practice_profiles
            (provider_id, facts, routes, conditions, accepts_insurance, insurance_payers,
             sliding_scale, telehealth_states, accepting_new_patients)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
          on conflict (provider_id) do nothing returning id
          """, parameters
        ).singleRow()?.decode(UUID.self, at: 0)
      else {
        throw StoreError.versionConflict(
          "practice profile", id: providerID.uuidString.lowercased(), expected: expectedVersion,
          current: 1)
      }
      id = inserted
    }
    try await AuditLog.append(
      on: connection, actor: actor, action: current == nil ? "create" : "update",
      entityType: "practice_profile", entityID: id, providerID: providerID,
      before: try current?.decode(PostgresJSONB.self, at: 2),
      after: try await AuditLog.image("practice_profiles", id: id, on: connection))
    return id
  }
}
