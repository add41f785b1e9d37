import Foundation
import LibPQ

extension AuditRepository {
  /// Streams every change to provider `providerID` and every assessment of it, oldest first
  /// (audit log entries in log order; an assessment right after the write that caused it).
  ///
  /// - Parameters:
  ///   - since: entries at or after this instant only.
  ///   - until: entries before this instant only.
  /// - Throws: ``StoreError`` `.notFound` for an unknown provider, `.invalidArgument` naming
  ///   `until` when it is not after `since`; whatever `entry` throws.
  public func trail(
    providerID: UUID, since: Date? = nil, until: Date? = nil,
    entry body: (AuditTrailEntry) async throws -> Void
  ) async throws {
    if let since, let until, until <= since {
      throw StoreError.invalidArgument(field: "until", message: "must be after since")
    }
    try await Snapshot.read(pool: pool) { snapshot in
      try await AssessmentRepository.requireProvider(providerID, on: snapshot.connection)
      try await snapshot.forEachRow(Self.trailSQL, [providerID, since, until], batchSize: 200) {
        row in
        try await body(try Self.trailEntry(row))
      }
    }
  }

  /// An assessment in brief, for the trail's before/after images of stored assessments.
  private static func brief(_ alias: String) -> String {
    """
    jsonb_build_object('id', \(alias).id, 'rubric_version', \(alias).rubric_version,
      'score', \(alias).score, 'tier', \(alias).tier, 'area_scores', \(alias).area_scores,
      'flag_ids', to_jsonb(\(alias).flag_ids), 'critical_flags', \(alias).critical_flags,
      'major_flags', \(alias).major_flags, 'minor_flags', \(alias).minor_flags,
      'as_of', \(alias).as_of, 'input_hash', encode(\(alias).input_hash, 'hex'),
      'assessed_at', \(alias).assessed_at, 'assessed_by', \(alias).assessed_by)
    """
  }

  /// $1 provider, $2 since, $3 until. Assessments already logged (explicit re-vets write an
  /// `assess` entry) come from the log only.
  static let trailSQL = """
    with history as (
      select a.*, \(brief("a")) as image,
             lag(\(brief("a"))) over (order by a.assessed_at, a.id) as previous_image
        from assessments a where a.provider_id = $1
    ),
    entries as (
      select 1 as source, l.seq, l.occurred_at, l.actor, l.actor_token_id, l.action,
             l.entity_type, l.entity_id, l.before, l.after, l.reason, l.request_id
        from audit_log l where l.provider_id = $1
      union all
      select 2, null, h.assessed_at, h.assessed_by, null, 'assess', 'assessment', h.id,
             h.previous_image, h.image, null, null
        from history h
       where not exists (
         select 1 from audit_log l
          where l.entity_type = 'assessment' and l.entity_id = h.id)
    )
    select e.*,
           array(
             select k from (
               select jsonb_object_keys(case when jsonb_typeof(e.before) = 'object'
                                             then e.before else '{}' end)
               union
               select jsonb_object_keys(case when jsonb_typeof(e.after) = 'object'
                                             then e.after else '{}' end)
             ) keys (k)
              where k not in ('version', 'updated_at')
                and (e.before -> k) is distinct from (e.after -> k)
              order by k
           ) as changed_fields
      from entries e
     where ($2::timestamptz is null or e.occurred_at >= $2::timestamptz)
       and ($3::timestamptz is null or e.occurred_at < $3::timestamptz)
     order by e.occurred_at, e.source, e.seq, e.entity_id
    """

  static func trailEntry(_ row: PostgresRow) throws -> AuditTrailEntry {
    AuditTrailEntry(
      source: try row.decode(Int.self, "source") == 1 ? .auditLog : .assessmentHistory,
      seq: try row.decode(Int64?.self, "seq"),
      occurredAt: try row.decode(Date.self, "occurred_at"),
      actor: try row.decode(String.self, "actor"),
      actorTokenID: try row.decode(UUID?.self, "actor_token_id"),
      action: try row.decode(String.self, "action"),
      entityType: try row.decode(String.self, "entity_type"),
      entityID: try row.decode(UUID.self, "entity_id"),
      before: try row.decode(PostgresJSONB?.self, "before")?.text,
      after: try row.decode(PostgresJSONB?.self, "after")?.text,
      changedFields: try row.decode([String].self, "changed_fields"),
      reason: try row.decode(String?.self, "reason"),
      requestID: try row.decode(String?.self, "request_id"))
  }
}
