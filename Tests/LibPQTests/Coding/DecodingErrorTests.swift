import Foundation
import LibPQ
import PGTestSupport
import Testing

/// Decoding a value as the wrong Swift type fails with a message naming the column and both types.
@Suite("Decoding errors")
struct DecodingErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var sql: String
    var column: String
    var postgresType: String
    var swiftType: String
    var decode: @Sendable (PostgresRow) throws -> Void
    var testDescription: String { "\(postgresType) as \(swiftType)" }
  }

  static let cases: [Case] = [
    Case(
      sql: "SELECT 'x'::text AS clinic_name", column: "clinic_name", postgresType: "text",
      swiftType: "Int", decode: { _ = try $0.decode(Int.self, "clinic_name") }),
    Case(
      sql: "SELECT 42::int4 AS score", column: "score", postgresType: "int4",
      swiftType: "String", decode: { _ = try $0.decode(String.self, "score") }),
    Case(
      sql: "SELECT true AS verified", column: "verified", postgresType: "bool",
      swiftType: "Int32", decode: { _ = try $0.decode(Int32.self, "verified") }),
    Case(
      sql: "SELECT gen_random_uuid() AS id", column: "id", postgresType: "uuid",
      swiftType: "String", decode: { _ = try $0.decode(String.self, "id") }),
    Case(
      sql: "SELECT now() AS created_at", column: "created_at", postgresType: "timestamptz",
      swiftType: "PostgresDate", decode: { _ = try $0.decode(PostgresDate.self, "created_at") }),
    Case(
      sql: "SELECT 1.5::float8 AS ratio", column: "ratio", postgresType: "float8",
      swiftType: "Decimal", decode: { _ = try $0.decode(Decimal.self, "ratio") }),
    Case(
      sql: "SELECT 'abc'::bytea AS blob", column: "blob", postgresType: "bytea",
      swiftType: "String", decode: { _ = try $0.decode(String.self, "blob") }),
    Case(
      sql: "SELECT ARRAY['a'] AS tags", column: "tags", postgresType: "text[]",
      swiftType: "String", decode: { _ = try $0.decode(String.self, "tags") }),
    Case(
      sql: "SELECT 'a'::text AS tag", column: "tag", postgresType: "text",
      swiftType: "Array<String>", decode: { _ = try $0.decode([String].self, "tag") }),
    Case(
      sql: "SELECT '{}'::jsonb AS doc", column: "doc", postgresType: "jsonb",
      swiftType: "UUID", decode: { _ = try $0.decode(UUID.self, "doc") }),
    Case(
      sql: "SELECT current_date AS day", column: "day", postgresType: "date",
      swiftType: "Bool", decode: { _ = try $0.decode(Bool.self, at: 0) }),
    Case(
      sql: "SELECT 7::int8 AS n", column: "n", postgresType: "int8",
      swiftType: "Double", decode: { _ = try $0.decode(Double.self, "n") }),
  ]

  @Test(arguments: cases)
  func wrongTypeNamesColumnAndBothTypes(_ testCase: Case) async throws {
    try await Connection.withTestConnection { connection async throws in
      let row = try await connection.query(testCase.sql)[0]
      let error = try #require(throws: PostgresError.self) { try testCase.decode(row) }
      #expect(error.code == .decoding)
      #expect(error.message.contains("\"\(testCase.column)\""), "\(error.message)")
      #expect(
        error.message.contains("PostgreSQL type \(testCase.postgresType)"), "\(error.message)")
      #expect(error.message.contains(testCase.swiftType), "\(error.message)")
    }
  }

  @Test func nullAsNonOptionalSaysToUseOptional() async throws {
    try await Connection.withTestConnection { connection async throws in
      let row = try await connection.query("SELECT NULL::text AS note")[0]
      let error = try #require(throws: PostgresError.self) { try row.decode(String.self, "note") }
      #expect(error.message.contains("\"note\"") && error.message.contains("Optional<String>"))
      #expect(try row.decode(String?.self, "note") == nil)
    }
  }

  @Test func unknownColumnListsTheColumns() async throws {
    try await Connection.withTestConnection { connection async throws in
      let row = try await connection.query("SELECT 1 AS a, 2 AS b")[0]
      let error = try #require(throws: PostgresError.self) { try row.decode(Int.self, "c") }
      #expect(error.message.contains("\"c\"") && error.message.contains("a, b"))
      #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 2) }
      #expect(throws: PostgresError.self) { try row.decode((Int, Int, Int).self) }
    }
  }

  @Test func enumsDecodeAfterACastToText() async throws {
    try await Connection.withTestConnection { connection async throws in
      try await connection.execute("CREATE TYPE pg_temp.mood AS ENUM ('calm', 'tense')")
      let row = try await connection.query(
        "SELECT 'calm'::pg_temp.mood AS raw, 'calm'::pg_temp.mood::text AS label")[0]
      #expect(try row.decode(String.self, "label") == "calm")
      let error = try #require(throws: PostgresError.self) { try row.decode(String.self, "raw") }
      #expect(error.message.contains("\"raw\"") && error.message.contains("String"))
    }
  }
}
