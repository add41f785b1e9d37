import Foundation
import LibPQ
import StoreTestSupport
import Testing

@Suite("audit_log is append-only", .migratedDatabase)
struct AuditLogTests {
  @Test("inserting works and keeps insertion order")
  func insertWorks() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let first = try await db.insertAuditEntry(provider: clinic)
      let second = try await db.insertAuditEntry(provider: clinic)
      let trail = try await db.query(
        "select id from audit_log where provider_id = $1 order by seq", [clinic]
      ).map { try $0.decode(UUID.self, at: 0) }
      #expect(trail == [first, second])
    }
  }

  @Test("UPDATE is refused with SQLSTATE 42501 and a message naming the table")
  func updateRefused() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let entry = try await db.insertAuditEntry(provider: clinic)
      let error = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("update audit_log set actor = 'mallory' where id = $1", [entry])
      }
      #expect(error?.message == "audit_log is append-only: UPDATE is refused")
      let actor = try await db.query("select actor from audit_log where id = $1", [entry])
        .singleRow()?.decode(String.self, at: 0)
      #expect(actor == "tester")
    }
  }

  @Test("DELETE is refused with SQLSTATE 42501 and a message naming the table")
  func deleteRefused() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let entry = try await db.insertAuditEntry(provider: clinic)
      let error = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("delete from audit_log where id = $1", [entry])
      }
      #expect(error?.message == "audit_log is append-only: DELETE is refused")
      let count = try await db.query("select count(*) from audit_log where id = $1", [entry])
        .singleRow()?.decode(Int.self, at: 0)
      #expect(count == 1)
    }
  }

  @Test("TRUNCATE is refused")
  func truncateRefused() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      _ = try await db.insertAuditEntry(provider: clinic)
      let error = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("truncate audit_log")
      }
      #expect(error?.message == "audit_log is append-only: TRUNCATE is refused")
      let count = try await db.query("select count(*) from audit_log").singleRow()?
        .decode(Int.self, at: 0)
      #expect((count ?? 0) >= 1)
    }
  }
}
