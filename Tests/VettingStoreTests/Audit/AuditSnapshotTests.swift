import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

/// The report reads one snapshot: writes committed while it streams do not show, and its summary
/// equals aggregates computed independently in SQL. One test, so the suite's database holds only
/// its rows.
@Suite("Audit reads: one snapshot, summary equal to SQL aggregates", .migratedDatabase)
struct AuditSnapshotTests {
  @Test("writes committed mid-report are not seen; tiers, histogram and flags match SQL")
  func snapshot() async throws {
    let database = try MigratedDatabase.current
    try await MigratedDatabase.withConnection { connection in
      // More than one cursor batch (1,000 rows), so the report is mid-read when the writes land.
      try await SyntheticDirectory.seed(providers: 2_500, label: "snap", on: connection)
      let last = try await connection.query(
        """
        select id from clinics where archived_at is null order by lower(name) desc, id desc limit 1
        """
      ).singleRow()!.decode(UUID.self, at: 0)

      let pool = ConnectionPool(configuration: database.configuration)
      let repository = AuditRepository(pool: pool)
      var rows: [ReportRow] = []
      let summary = try await repository.report(ReportQuery()) { row in
        if rows.isEmpty {
          // Committed by another connection after the report's snapshot was taken.
          try await connection.query(
            "insert into clinics (external_id, name) values ('snap-late', 'Zzz Late Clinic')")
          try await connection.query(
            "update clinics set archived_at = now() where id = $1", [last])
        }
        rows.append(row)
      }
      #expect(rows.count == 2_500)
      #expect(summary.providers == 2_500)
      #expect(!rows.contains { $0.name == "Zzz Late Clinic" })
      #expect(rows.contains { $0.providerID == last })
      // Ordered by name within each group: those without a critical flag, then the disqualified.
      let disqualified = rows.map { $0.assessment?.isDisqualified ?? false }
      #expect(disqualified == disqualified.sorted { !$0 && $1 })
      #expect(disqualified.contains(true) && disqualified.contains(false))
      for group in [false, true] {
        let names = zip(rows, disqualified).filter { $0.1 == group }.map(
          \.0.name.localizedLowercase)
        #expect(names == names.sorted())
      }

      // The summary, recomputed from the rows, and from SQL over the same (pre-write) providers.
      var recomputed = ReportSummary(asOf: summary.asOf)
      for row in rows { recomputed.add(row) }
      #expect(recomputed == summary)
      // Every latest assessment belongs to a provider listed when the report started (the late
      // clinic has none; the archived one was live then).
      let tiers = try await connection.query(
        "select tier, count(*) from assessments where superseded_at is null group by tier"
      ).map { (try $0.decode(String.self, at: 0), try $0.decode(Int.self, at: 1)) }
      #expect(
        Dictionary(uniqueKeysWithValues: tiers)
          == Dictionary(
            uniqueKeysWithValues: summary.tierCounts.map {
              ($0.key.rawValue.replacingOccurrences(of: "-", with: "_"), $0.value)
            }))
      let histogram = try await connection.query(
        """
        select least(floor(score)::int / 10, 9) as bucket, count(*) from assessments
         where superseded_at is null group by 1 order by 1
        """
      ).map { (try $0.decode(Int.self, at: 0), try $0.decode(Int.self, at: 1)) }
      var expectedHistogram = [Int](repeating: 0, count: 10)
      for (bucket, count) in histogram { expectedHistogram[bucket] = count }
      #expect(summary.histogram == expectedHistogram)
      let flags = try await connection.query(
        """
        select f, count(*) from assessments, unnest(flag_ids) f
         where superseded_at is null group by f
        """
      ).map { (try $0.decode(String.self, at: 0), try $0.decode(Int.self, at: 1)) }
      #expect(Dictionary(uniqueKeysWithValues: flags) == summary.flagCounts)

      // A new report sees the writes.
      var after: [(name: String, disqualified: Bool)] = []
      _ = try await repository.report(ReportQuery()) {
        after.append(($0.name, $0.assessment?.isDisqualified ?? false))
      }
      #expect(after.count == 2_500)
      #expect(after.last { !$0.disqualified }?.name == "Zzz Late Clinic")
      await pool.close()
    }
  }
}
