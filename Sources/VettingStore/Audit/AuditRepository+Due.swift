import Foundation
import LibPQ
import VettingCore

extension AuditRepository {
  /// Streams what must be re-checked now, grouped by reason (in ``DueReason`` declaration
  /// order), then by provider name. "Now" and "today" are the database's clock, in UTC.
  ///
  /// Archived records and the records of archived providers are left out.
  /// - Throws: ``StoreError`` `.invalidArgument` naming `within_days`; whatever `item` throws.
  public func dueForReview(
    _ query: DueForReviewQuery, item body: (DueItem) async throws -> Void
  ) async throws {
    try query.validate()
    let reasons = (query.reasons.isEmpty ? Set(DueReason.allCases) : query.reasons)
      .map(\.rawValue).sorted()
    try await Snapshot.read(pool: pool) { snapshot in
      let today = Day(snapshot.now)
      try await snapshot.forEachRow(
        Self.dueSQL,
        [
          reasons, query.withinDays, rubric.version,
          DueForReviewQuery.licenseVerificationDays, DueForReviewQuery.npiCheckDays,
        ]
      ) { row in
        try await body(try Self.dueItem(row, today: today, currentRubric: rubric.version))
      }
    }
  }

  /// $1 reasons (text[]), $2 window days, $3 current rubric version, $4 license verification
  /// days, $5 NPI check days. `now()` and `current_date` are the snapshot's (UTC).
  static let dueSQL = """
    select * from (
      select 'license_not_verified' as reason, 1 as reason_order, pr.id as provider_id,
             'practitioner' as provider_kind, pr.full_name as provider_name,
             'license' as entity_type, li.id as entity_id,
             li.state || ' ' || li.license_type || ' license ' || li.license_number as subject,
             li.last_verified_at as last_checked_at,
             (li.last_verified_at + make_interval(days => $4::int))::date as due_on,
             null::text as rubric_version
        from licenses li join practitioners pr on pr.id = li.practitioner_id
       where 'license_not_verified' = any($1::text[])
         and li.archived_at is null and pr.archived_at is null
         and (li.last_verified_at is null
              or li.last_verified_at < now() - make_interval(days => $4::int))
      union all
      select 'npi_not_checked', 2, c.id, 'clinic', c.name, 'clinic', c.id, 'NPI ' || c.npi,
             c.npi_checked_at, (c.npi_checked_at + make_interval(days => $5::int))::date, null
        from clinics c
       where 'npi_not_checked' = any($1::text[]) and c.archived_at is null and c.npi is not null
         and (c.npi_checked_at is null
              or c.npi_checked_at < now() - make_interval(days => $5::int))
      union all
      select 'npi_not_checked', 2, p.id, 'practitioner', p.full_name, 'practitioner', p.id,
             'NPI ' || p.npi, p.npi_checked_at,
             (p.npi_checked_at + make_interval(days => $5::int))::date, null
        from practitioners p
       where 'npi_not_checked' = any($1::text[]) and p.archived_at is null and p.npi is not null
         and (p.npi_checked_at is null
              or p.npi_checked_at < now() - make_interval(days => $5::int))
      union all
      select 'evidence_expiring', 3, pv.id, pv.kind, coalesce(c.name, p.full_name),
             'evidence_item', e.id, 'evidence for ' || e.fact || ' (' || left(e.description, 120) || ')',
             e.verified_at, e.expires_on, null
        from evidence_items e
        join providers pv on pv.id = e.provider_id
        left join clinics c on c.id = pv.id
        left join practitioners p on p.id = pv.id
       where 'evidence_expiring' = any($1::text[]) and e.archived_at is null
         and coalesce(c.archived_at, p.archived_at) is null
         and e.expires_on is not null and e.expires_on <= current_date + $2::int
      union all
      select 'outdated_rubric', 4, l.id, l.kind, l.name, 'assessment', a.id,
             'latest assessment', a.assessed_at, null, a.rubric_version
        from (\(ListedProviders.select(existingAt: nil, liveAt: nil))) l
        join assessments a on a.provider_id = l.id and a.superseded_at is null
       where 'outdated_rubric' = any($1::text[]) and a.rubric_version <> $3::text
      union all
      select 'license_expiring', 5, pr.id, 'practitioner', pr.full_name, 'license', li.id,
             li.state || ' ' || li.license_type || ' license ' || li.license_number,
             li.last_verified_at, li.expires_on, null
        from licenses li join practitioners pr on pr.id = li.practitioner_id
       where 'license_expiring' = any($1::text[])
         and li.archived_at is null and pr.archived_at is null
         and li.expires_on is not null and li.expires_on <= current_date + $2::int
      union all
      select 'certificate_expiring', 6, pr.id, 'practitioner', pr.full_name, 'training', t.id,
             'training certificate "' || coalesce(t.program_name, t.program) || '"',
             null, t.certificate_expires_on, null
        from trainings t join practitioners pr on pr.id = t.practitioner_id
       where 'certificate_expiring' = any($1::text[])
         and t.archived_at is null and pr.archived_at is null and t.status <> 'withdrawn'
         and t.certificate_expires_on is not null
         and t.certificate_expires_on <= current_date + $2::int
      union all
      select 'open_item', 7, l.id, l.kind, l.name, 'assessment', a.id, item.line, a.assessed_at,
             null, a.rubric_version
        from (\(ListedProviders.select(existingAt: nil, liveAt: nil))) l
        join assessments a on a.provider_id = l.id and a.superseded_at is null
        cross join lateral unnest(a.open_items) as item (line)
       where 'open_item' = any($1::text[])
    ) due
    order by reason_order, lower(provider_name), provider_id, subject, entity_id
    """

  static func dueItem(_ row: PostgresRow, today: Day, currentRubric: String) throws -> DueItem {
    let reasonColumn = try row.decode(String.self, "reason")
    guard let reason = DueReason(rawValue: reasonColumn) else {
      throw StoreError(code: .internal, message: "unknown due reason \(reasonColumn)")
    }
    let subject = try row.decode(String.self, "subject")
    let lastChecked = try row.decode(Date?.self, "last_checked_at")
    let dueOn = try row.decode(PostgresDate?.self, "due_on").map(Day.init)
    let rubricVersion = try row.decode(String?.self, "rubric_version")
    return DueItem(
      reason: reason, providerID: try row.decode(UUID.self, "provider_id"),
      providerKind: try providerKind(row.decode(String.self, "provider_kind")),
      providerName: try row.decode(String.self, "provider_name"),
      entityType: try row.decode(String.self, "entity_type"),
      entityID: try row.decode(UUID.self, "entity_id"),
      detail: DueDetail.sentence(
        reason: reason, subject: subject, lastChecked: lastChecked, dueOn: dueOn,
        rubricVersion: rubricVersion, currentRubric: currentRubric, today: today),
      lastCheckedAt: lastChecked, dueOn: dueOn, rubricVersion: rubricVersion)
  }
}
