import Foundation
import LibPQ
import VettingCore

/// Stored assessments: reading them, and re-vetting providers on demand.
///
/// Writes through ``DirectoryRepository`` re-score affected providers themselves; use this for
/// reads, for an explicit re-vet of one provider, and for re-vetting everyone after a rubric
/// change.
public final class AssessmentRepository: Sendable {
  let pool: ConnectionPool
  let today: @Sendable () -> Day
  /// The rubric re-vets score with: the directory's scoring version (the server's
  /// `--rubric-version`).
  public let rubric: Rubric

  /// Creates a repository over `pool`. `today` gives the as-of day of re-vets (UTC today by
  /// default); `rubric` the version they score with.
  public init(
    pool: ConnectionPool, rubric: Rubric = .current,
    today: @escaping @Sendable () -> Day = { Day(Date()) }
  ) {
    self.pool = pool
    self.rubric = rubric
    self.today = today
  }

  static let summaryColumns = """
    id, provider_id, rubric_version, score, tier, critical_flags, major_flags, minor_flags, as_of,
    assessed_at, input_hash, completeness, coalesce(cardinality(open_items), 0) as open_item_count
    """

  static func summary(_ row: PostgresRow) throws -> AssessmentSummary {
    let tierColumn = try row.decode(String.self, "tier")
    guard let tier = SchemaVocabulary.tier(tierColumn) else {
      throw StoreError(code: .internal, message: "stored tier \(tierColumn) is unknown")
    }
    return AssessmentSummary(
      id: try row.decode(UUID.self, "id"), providerID: try row.decode(UUID.self, "provider_id"),
      rubricVersion: try row.decode(String.self, "rubric_version"),
      score: NSDecimalNumber(decimal: try row.decode(Decimal.self, "score")).intValue, tier: tier,
      criticalFlags: try row.decode(Int.self, "critical_flags"),
      majorFlags: try row.decode(Int.self, "major_flags"),
      minorFlags: try row.decode(Int.self, "minor_flags"),
      asOf: Day(try row.decode(PostgresDate.self, "as_of")),
      assessedAt: try row.decode(Date.self, "assessed_at"),
      completeness: try row.decode(Int?.self, "completeness"),
      openItems: try row.decode(Int.self, "open_item_count"),
      inputHash: try row.decode(Data.self, "input_hash").hexString)
  }

  static func latestSummary(providerID: UUID, on connection: Connection) async throws
    -> AssessmentSummary?
  {
    try await connection.query(
      "select \(summaryColumns) from assessments where provider_id = $1 and superseded_at is null",
      [providerID]
    ).singleRow().map(summary)
  }

  static func record(where condition: String, _ id: UUID, on connection: Connection) async throws
    -> AssessmentRecord?
  {
    guard
      let row = try await connection.query(
        """
        select \(summaryColumns), document, assessed_by, superseded_at,
               (select kind from providers p where p.id = a.provider_id) as kind
          from assessments a where \(condition)
        """, [id]
      ).singleRow()
    else { return nil }
    // The canonical JSON text (migration 0006 stores it as text).
    guard let document = try row.decode(String?.self, "document").map(PostgresJSONB.init) else {
      throw StoreError(
        code: .failedPrecondition,
        message: "assessment \(id) was stored without its full document and cannot be shown; re-vet"
      )
    }
    return AssessmentRecord(
      summary: try summary(row),
      providerKind: ProviderKind(rawValue: try row.decode(String.self, "kind")) ?? .clinic,
      assessment: try document.decode(Assessment.self),
      assessedBy: try row.decode(String.self, "assessed_by"),
      supersededAt: try row.decode(Date?.self, "superseded_at"))
  }

  /// The assessment in force for a provider, or `nil` when it was never assessed.
  /// - Throws: ``StoreError`` `.notFound` when there is no such provider.
  public func latestAssessment(providerID: UUID) async throws -> AssessmentRecord? {
    try await mapErrors {
      try await pool.withConnection { connection in
        try await Self.requireProvider(providerID, on: connection)
        return try await Self.record(
          where: "a.provider_id = $1 and a.superseded_at is null", providerID, on: connection)
      }
    }
  }

  /// One stored assessment, in force or superseded.
  /// - Throws: ``StoreError`` `.notFound` naming the assessment.
  public func assessment(id: UUID) async throws -> AssessmentRecord {
    try await mapErrors {
      try await pool.withConnection { connection in
        guard let record = try await Self.record(where: "a.id = $1", id, on: connection) else {
          throw StoreError.notFound("assessment", id: id.uuidString.lowercased())
        }
        return record
      }
    }
  }

  /// Re-scores one provider now; stores a new assessment only when something changed, and then
  /// writes one audit entry (`assess`). Returns the assessment in force afterwards.
  /// - Throws: ``StoreError`` `.notFound` for an unknown provider, `.failedPrecondition` for an
  ///   archived one.
  public func revet(providerID: UUID, actor: AuditActor) async throws -> AssessmentRecord {
    try InputValidator.text(actor.name, "actor", max: 200)
    let asOf = today()
    return try await mapErrors {
      try await pool.transaction { connection in
        try await Self.requireProvider(providerID, on: connection)
        guard
          let outcome = try await Rescorer.rescore(
            providerID: providerID, on: connection, assessedBy: actor.name, asOf: asOf,
            rubric: rubric)
        else {
          throw StoreError.failedPrecondition(
            "provider \(providerID.uuidString.lowercased()) is archived", entity: "provider",
            id: providerID.uuidString.lowercased())
        }
        if outcome.inserted {
          try await AuditLog.append(
            on: connection, actor: actor, action: "assess", entityType: "assessment",
            entityID: outcome.summary.id, providerID: providerID, before: nil,
            after: try await AuditLog.image("assessments", id: outcome.summary.id, on: connection))
        }
        guard
          let record = try await Self.record(where: "a.id = $1", outcome.summary.id, on: connection)
        else { throw StoreError(code: .internal, message: "the new assessment vanished") }
        return record
      }
    }
  }

  /// Re-scores every live provider (clinics and solo practitioners), each in its own
  /// transaction, calling `progress` after each one. Returns the final tally.
  ///
  /// A provider whose assessment in force was made today with ``rubric`` is skipped without being
  /// re-assessed: every write re-scores the providers it touches in its own transaction, so that
  /// assessment already reads the current facts. That makes a run resumable: started again after
  /// an interruption (a lost connection, a deadline), it goes quickly through the providers the
  /// last run reached. Skipped providers are reported every 1,000 and at the end.
  ///
  /// One provider per transaction on purpose: a revet runs beside live admin writes. A version
  /// that locked 500 providers per transaction held all of them, then the audit chain, for the
  /// whole chunk's scoring; beside the other service tests RevetAll failed UNAVAILABLE after
  /// 31 s. Bulk loads of new providers assess in chunks (``BulkAssessor``): nothing else writes
  /// to them yet.
  public func revetAll(
    actor: AuditActor = .system,
    progress: @Sendable (RevetProgress) async -> Void = { _ in }
  ) async throws -> RevetProgress {
    try InputValidator.text(actor.name, "actor", max: 200)
    let asOf = today()
    let providers = try await mapErrors {
      try await pool.query(
        """
        select p.id,
               exists (select 1 from assessments a
                        where a.provider_id = p.id and a.superseded_at is null
                          and a.rubric_version = $1 and a.as_of = $2) as current
          from (select id from clinics where archived_at is null
                union all
                select id from practitioners where listed_solo and archived_at is null) p
         order by p.id
        """, [rubric.version, asOf.postgres]
      ).map { (id: try $0.decode(UUID.self, at: 0), current: try $0.decode(Bool.self, at: 1)) }
    }
    var tally = RevetProgress(done: 0, total: providers.count, rescored: 0, tierChanges: 0)
    for (index, provider) in providers.enumerated() {
      try Task.checkCancellation()
      if provider.current {
        tally.done += 1
        tally.skipped += 1
        if tally.skipped % 1000 == 0 || index == providers.count - 1 { await progress(tally) }
        continue
      }
      let id = provider.id
      let outcome = try await mapErrors {
        try await pool.transaction { connection in
          let outcome = try await Rescorer.rescore(
            providerID: id, on: connection, assessedBy: actor.name, asOf: asOf, rubric: rubric)
          if let outcome, outcome.inserted {
            try await AuditLog.append(
              on: connection, actor: actor, action: "assess", entityType: "assessment",
              entityID: outcome.summary.id, providerID: id, before: nil,
              after: try await AuditLog.image("assessments", id: outcome.summary.id, on: connection)
            )
          }
          return outcome
        }
      }
      tally.done += 1
      if let outcome, outcome.inserted {
        tally.rescored += 1
        if outcome.previousTier != outcome.summary.tier { tally.tierChanges += 1 }
      }
      await progress(tally)
    }
    return tally
  }

  static func requireProvider(_ id: UUID, on connection: Connection) async throws {
    if try await connection.query("select 1 from providers where id = $1", [id]).isEmpty {
      throw StoreError.notFound("provider", id: id.uuidString.lowercased())
    }
  }
}

/// Runs `body`, turning database errors into ``StoreError``.
func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch let error as PostgresError {
    throw StoreError(error)
  }
}
