import Foundation
import LibPQ
import PGTestSupport
import Testing
import VettingStore

/// Migration 0008 on a database that already has audit entries: they are chained in seq order,
/// the head is their last link, and the next insert continues the same chain.
@Suite("0008 chains the audit entries written before it")
struct AuditChainMigrationTests {
  @Test("entries from before 0008 are chained in seq order; the next insert extends the chain")
  func existingEntriesAreChained() async throws {
    try await TestDatabase.withScratchDatabase(label: "chain-0008") { database in
      let connection = try await database.connect()
      do {
        let before = try MigrationCatalog(
          files: MigrationCatalog.embeddedFiles.filter { $0.fileName < "0008" })
        try await MigrationRunner(catalog: before).migrate(on: connection)
        for actor in ["first", "second", "third"] {
          try await connection.execute(
            """
            insert into audit_log (actor, action, entity_type, entity_id, after, reason)
            values ($1, 'create', 'clinic', gen_random_uuid(), '{"name": "é"}', $2)
            """, [actor, actor == "second" ? String?.none : "line one\nline two"])
        }
        try await MigrationRunner().migrate(on: connection)

        let rows = try await connection.query(
          """
          select chain_position, seq, actor, prev_hash, entry_hash,
                 sha256(prev_hash || audit_log_canonical(l)) = entry_hash
            from audit_log l order by chain_position
          """)
        #expect(try rows.map { try $0.decode(String.self, at: 2) } == ["first", "second", "third"])
        #expect(try rows.map { try $0.decode(Int64.self, at: 0) } == [1, 2, 3])
        #expect(try rows[0].decode(Data.self, at: 3) == Data(repeating: 0, count: 32))
        for index in 1..<3 {
          #expect(
            try rows[index].decode(Data.self, at: 3) == rows[index - 1].decode(Data.self, at: 4))
        }
        #expect(rows.allSatisfy { (try? $0.decode(Bool.self, at: 5)) == true })
        let head = try #require(
          try await connection.query("select position, entry_hash from audit_chain_head")
            .singleRow())
        #expect(try head.decode(Int64.self, at: 0) == 3)
        #expect(try head.decode(Data.self, at: 1) == rows[2].decode(Data.self, at: 4))

        // The trigger ignores whatever the statement says about the chain columns.
        try await connection.execute(
          """
          insert into audit_log
            (actor, action, entity_type, entity_id, after, chain_position, prev_hash, entry_hash)
          values ('fourth', 'create', 'clinic', gen_random_uuid(), '{}', 99, '\\x00', '\\x00')
          """)
        let fourth = try #require(
          try await connection.query(
            "select chain_position, prev_hash from audit_log where actor = 'fourth'"
          ).singleRow())
        #expect(try fourth.decode(Int64.self, at: 0) == 4)
        #expect(try fourth.decode(Data.self, at: 1) == rows[2].decode(Data.self, at: 4))
        await connection.close()
      } catch {
        await connection.close()
        throw error
      }
    }
  }
}
