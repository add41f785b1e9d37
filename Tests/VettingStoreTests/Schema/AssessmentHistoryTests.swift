import Foundation
import LibPQ
import StoreTestSupport
import Testing

@Suite("Assessments are kept as history", .migratedDatabase)
struct AssessmentHistoryTests {
  static let day: TimeInterval = 86_400

  @Test("a new assessment supersedes the latest; the one in force at a date is answerable")
  func inForceAtDate() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let now = Date()
      let old = try await db.insertAssessment(
        provider: clinic, score: 55, tier: "listed", assessedAt: now - 10 * Self.day)
      let new = try await db.insertAssessment(
        provider: clinic, score: 85, tier: "vetted", assessedAt: now - 2 * Self.day)

      let latest = try await db.query(
        "select id from assessments where provider_id = $1 and superseded_at is null", [clinic]
      ).map { try $0.decode(UUID.self, at: 0) }
      #expect(latest == [new])

      func inForce(at date: Date) async throws -> UUID? {
        try await db.query(
          """
          select id from assessments
          where provider_id = $1 and assessed_at <= $2
            and (superseded_at is null or superseded_at > $2)
          """, [clinic, date]
        ).singleRow()?.decode(UUID.self, at: 0)
      }
      #expect(try await inForce(at: now - 20 * Self.day) == nil)
      #expect(try await inForce(at: now - 5 * Self.day) == old)
      #expect(try await inForce(at: now) == new)
    }
  }

  @Test("an assessment older than the one in force is refused")
  func olderRefused() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      _ = try await db.insertAssessment(provider: clinic, assessedAt: Date())
      let error = await expectServerError(.checkViolation) {
        _ = try await db.insertAssessment(provider: clinic, assessedAt: Date() - Self.day)
      }
      #expect(error?.constraintName == "assessments_supersession_ordered")
    }
  }

  @Test("assessments cannot be edited or deleted")
  func immutable() async throws {
    try await MigratedDatabase.withConnection { db in
      let clinic = try await db.insertClinic()
      let id = try await db.insertAssessment(provider: clinic, assessedAt: Date())
      _ = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("update assessments set score = 100 where id = $1", [id])
      }
      _ = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("update assessments set superseded_at = now() where id = $1", [id])
      }
      let error = await expectServerError(SQLState(rawValue: "42501")) {
        try await db.execute("delete from assessments where id = $1", [id])
      }
      #expect(error?.message == "assessments is append-only: DELETE is refused")
    }
  }
}
