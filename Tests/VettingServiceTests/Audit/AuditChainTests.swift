import Foundation
import GRPCCore
import LibPQ
import StoreTestSupport
import Testing
import VettingAPI

/// The audit log's hash chain (migration 0008) against the real database, verified through
/// `Audit/VerifyAuditLog` over FramedRPC. Serialized: the tampering tests break the suite's chain
/// for a moment (and mend it before they end), which would fail a verification running beside
/// them.
@Suite("Audit log hash chain", .migratedDatabase, .serialized)
struct AuditChainTests {
  /// Writes a clinic and a few edits through the Admin service, so the log has entries.
  static func writeSomeEntries(_ h: ServiceHarness, name: String) async throws {
    let admin = h.metadata(.admin)
    let clinic = try await h.admin.createClinic(Fixtures.createClinic(name), metadata: admin)
    _ = try await h.admin.updateClinic(
      .with {
        $0.id = clinic.id
        $0.expectedVersion = clinic.version
        $0.fields = Fixtures.clinicFields(name + " Renamed")
      }, metadata: admin)
  }

  /// The verification's progress messages and its result; fails unless the stream is progress
  /// messages followed by exactly one result.
  static func verify(_ h: ServiceHarness, as caller: Caller = .auditor) async throws
    -> (
      progress: [Vetting_V1_AuditVerificationProgress], result: Vetting_V1_AuditVerificationResult
    )
  {
    let messages = try await h.audit.verifyAuditLog(.init(), metadata: h.metadata(caller)) {
      try await $0.messages.reduce(into: []) { $0.append($1) }
    }
    let progress = messages.compactMap { message -> Vetting_V1_AuditVerificationProgress? in
      if case .progress(let value) = message.item { return value }
      return nil
    }
    guard case .result(let result) = messages.last?.item, messages.count == progress.count + 1
    else {
      Issue.record("the verification stream did not end with exactly one result")
      throw RPCError(code: .internalError, message: "no result")
    }
    return (progress, result)
  }

  /// The first entry the auditors' plain-SQL check in docs/SCHEMA.md reports, as
  /// (chain_position, id), or nil when it reports none. The query is read from the document
  /// itself, so the document cannot drift from the chain.
  static func documentedCheck(_ connection: Connection) async throws -> (Int64, UUID)? {
    let schema = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../docs/SCHEMA.md").standardized, encoding: .utf8)
    let start = try #require(schema.range(of: "```sql\nwith entry as ("))
    let end = try #require(schema.range(of: "```", range: start.upperBound..<schema.endIndex))
    let sql = String(schema[schema.index(start.lowerBound, offsetBy: 7)..<end.lowerBound])
      .trimmingCharacters(in: .whitespacesAndNewlines)
      .trimmingCharacters(in: CharacterSet(charactersIn: ";"))
    guard let row = try await connection.query(sql).singleRow() else { return nil }
    return (try row.decode(Int64.self, at: 0), try row.decode(UUID.self, at: 2))
  }

  /// Runs `sql` as the table owner with audit_log's user triggers (append-only refusal and
  /// chaining) disabled, as someone tampering with the log would.
  static func tamper(_ connection: Connection, _ sql: String, _ parameters: [any PostgresEncodable])
    async throws
  {
    try await connection.transaction { tx in
      try await tx.query("alter table audit_log disable trigger user")
      try await tx.query(sql, parameters)
      try await tx.query("alter table audit_log enable trigger user")
    }
  }

  @Test("an untouched log verifies intact; the head is its last entry; progress counts every entry")
  func intact() async throws {
    try await ServiceHarness.with { h in
      try await Self.writeSomeEntries(h, name: "Chain Intact Clinic")
      let (progress, result) = try await Self.verify(h)
      try await MigratedDatabase.withConnection { connection in
        let last = try #require(
          try await connection.query(
            """
            select chain_position, encode(entry_hash, 'hex'), (select count(*) from audit_log)
              from audit_log order by chain_position desc limit 1
            """
          ).singleRow())
        let count = try last.decode(Int64.self, at: 2)
        #expect(count >= 2)
        #expect(result.intact)
        #expect(!result.hasFirstBreak)
        #expect(result.entriesChecked == count)
        #expect(result.headPosition == (try last.decode(Int64.self, at: 0)))
        #expect(result.headHash == (try last.decode(String.self, at: 1)))
        #expect(progress.first?.entriesChecked == 0)
        #expect(progress.first?.entriesTotal == count)
        #expect(try await Self.documentedCheck(connection) == nil)
      }
    }
  }

  @Test("a row edited by the owner with the triggers disabled is named as the first broken entry")
  func editedRowIsFound() async throws {
    try await ServiceHarness.with { h in
      try await Self.writeSomeEntries(h, name: "Chain Edited Clinic")
      try await Self.writeSomeEntries(h, name: "Chain Later Clinic")
      try await MigratedDatabase.withConnection { connection in
        // An entry in the middle of the chain: one before the last four.
        let victim = try #require(
          try await connection.query(
            """
            select chain_position, seq, id, reason from audit_log
             order by chain_position desc offset 3 limit 1
            """
          ).singleRow())
        let position = try victim.decode(Int64.self, at: 0)
        let seq = try victim.decode(Int64.self, at: 1)
        let id = try victim.decode(UUID.self, at: 2)
        let reason = try victim.decode(String?.self, at: 3)
        try await Self.tamper(
          connection, "update audit_log set reason = 'nothing happened here' where id = $1", [id])

        let (_, result) = try await Self.verify(h)
        #expect(!result.intact)
        #expect(result.firstBreak.chainPosition == position)
        #expect(result.firstBreak.seq == seq)
        #expect(result.firstBreak.entryID == id.uuidString.lowercased())
        #expect(result.firstBreak.problem == .contentChanged)
        #expect(result.firstBreak.detail.contains("entry \(position) (seq \(seq)"))
        let documented = try await Self.documentedCheck(connection)
        #expect(documented?.0 == position)
        #expect(documented?.1 == id)

        // Put the row back as it was: the chain holds again.
        try await Self.tamper(
          connection, "update audit_log set reason = $2 where id = $1", [id, reason])
        #expect(try await Self.verify(h).result.intact)
      }
    }
  }

  @Test("a removed entry is found at the next one; entries removed from the end at the last one")
  func removedEntriesAreFound() async throws {
    try await ServiceHarness.with { h in
      try await Self.writeSomeEntries(h, name: "Chain Removed Clinic")
      try await Self.writeSomeEntries(h, name: "Chain Removed Later Clinic")
      try await MigratedDatabase.withConnection { connection in
        try await connection.query(
          "create temporary table removed as select * from audit_log limit 0")
        let rows = try await connection.query(
          "select chain_position, id from audit_log order by chain_position desc limit 3")
        let last = (try rows[0].decode(Int64.self, at: 0), try rows[0].decode(UUID.self, at: 1))
        let middle = (try rows[1].decode(Int64.self, at: 0), try rows[1].decode(UUID.self, at: 1))
        let before = (try rows[2].decode(Int64.self, at: 0), try rows[2].decode(UUID.self, at: 1))

        // One in the middle: the entry after it shows the gap.
        try await Self.tamper(
          connection,
          "with gone as (delete from audit_log where id = $1 returning *) "
            + "insert into removed select * from gone", [middle.1])
        var result = try await Self.verify(h).result
        #expect(result.firstBreak.problem == .positionGap)
        #expect(result.firstBreak.chainPosition == last.0)
        #expect(result.firstBreak.entryID == last.1.uuidString.lowercased())
        #expect(result.firstBreak.detail.contains("entry \(middle.0) is missing"))

        // And the last one too: the log now ends before the head, at `before`.
        try await Self.tamper(
          connection,
          "with gone as (delete from audit_log where id = $1 returning *) "
            + "insert into removed select * from gone", [last.1])
        result = try await Self.verify(h).result
        #expect(result.firstBreak.problem == .tailMissing)
        #expect(result.firstBreak.chainPosition == before.0)
        #expect(result.firstBreak.entryID == before.1.uuidString.lowercased())
        #expect(result.headPosition == last.0)

        try await Self.tamper(
          connection, "insert into audit_log overriding system value select * from removed", [])
        #expect(try await Self.verify(h).result.intact)
      }
    }
  }

  @Test("concurrent writers on many connections form one chain without gaps")
  func concurrentWriters() async throws {
    try await ServiceHarness.with { h in
      let before = try await Self.verify(h).result
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<12 {
          group.addTask {
            _ = try await h.admin.createClinic(
              Fixtures.createClinic("Chain Concurrent Clinic \(index)"),
              metadata: h.metadata(.admin))
          }
        }
        try await group.waitForAll()
      }
      let after = try await Self.verify(h).result
      #expect(after.intact)
      #expect(after.headPosition >= before.headPosition + 12)
      #expect(after.entriesChecked == after.headPosition)
    }
  }

  @Test("a referral token may not verify the log")
  func referralRefused() async throws {
    try await ServiceHarness.with { h in
      await #expect(throws: RPCError.self) {
        _ = try await Self.verify(h, as: .referral)
      }
      do {
        _ = try await Self.verify(h, as: .referral)
      } catch let error as RPCError {
        #expect(error.code == .permissionDenied)
      }
    }
  }
}
