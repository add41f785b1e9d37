import Foundation
import LibPQ
import PGTestSupport
import Testing

/// Every supported type goes to the server as a typed parameter and comes back decoded, equal.
@Suite("Type round trips")
struct TypeRoundTripTests {
  static let texts = [
    "", "hello", "ünïcödé ✓ 漢字 🧪 עִבְרִית", "quote ' double \" backslash \\ ", "line\nbreak\ttab",
  ]

  @Test(arguments: texts)
  func text(_ value: String) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "text") == value)
      #expect(try await connection.echo(value, as: "varchar") == value)
    }
  }

  @Test func oneMebibyteText() async throws {
    let value = String(repeating: "0123456789abcdé", count: 1 << 16)
    #expect(value.utf8.count >= 1 << 20)
    try await Connection.withTestConnection { connection async throws in
      let back = try await connection.echo(value, as: "text")
      #expect(back == value)
      let length = try await connection.query("SELECT octet_length($1::text)", [value])
      #expect(try length[0].decode(Int.self, at: 0) == value.utf8.count)
    }
  }

  @Test(arguments: [Int16.min, -1, 0, 1, Int16.max])
  func int2(_ value: Int16) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "int2") == value)
    }
  }

  @Test(arguments: [Int32.min, -1, 0, 1, Int32.max])
  func int4(_ value: Int32) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "int4") == value)
    }
  }

  @Test(arguments: [Int64.min, -1, 0, 1, Int64.max])
  func int8(_ value: Int64) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "int8") == value)
      #expect(try await connection.echo(Int(value), as: "int8") == Int(value))
    }
  }

  @Test func narrowIntegersWidenAndRangeCheck() async throws {
    try await Connection.withTestConnection { connection async throws in
      let row = try await connection.query(
        "SELECT 7::int2 AS small, 2147483648::int8 AS big")[0]
      #expect(try row.decode(Int64.self, "small") == 7)
      #expect(try row.decode(Int32.self, "small") == 7)
      #expect(try row.decode(Int64.self, "big") == 2_147_483_648)
      let error = try #require(throws: PostgresError.self) { try row.decode(Int32.self, "big") }
      #expect(error.code == .decoding)
      #expect(error.message.contains("big") && error.message.contains("does not fit"))
    }
  }

  @Test(arguments: [true, false])
  func bool(_ value: Bool) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "bool") == value)
    }
  }

  @Test(arguments: [
    0, -0.0, 1.5, -2.25, Double.pi, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude,
    Double.leastNonzeroMagnitude, Double.infinity, -Double.infinity,
  ])
  func float8(_ value: Double) async throws {
    try await Connection.withTestConnection { connection async throws in
      let back = try await connection.echo(value, as: "float8")
      #expect(back == value)
      #expect(back.sign == value.sign)
    }
  }

  @Test func float8NaN() async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(Double.nan, as: "float8").isNaN)
      let row = try await connection.query("SELECT 'NaN'::float8, 1.5::float4")[0]
      #expect(try row.decode(Double.self, at: 0).isNaN)
      #expect(try row.decode(Double.self, at: 1) == 1.5)
    }
  }

  @Test(arguments: [
    "0", "1", "-1", "12.345", "-0.000001", "99999999999999999999999999999999999999",
    "1234567890.123456789012345678", "10000", "0.0001",
  ])
  func numericAsDecimal(_ text: String) async throws {
    let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "numeric") == value)
    }
  }

  @Test(arguments: [
    "0", "0.00", "-1.50", "123456789012345678901234567890.123456789012345678901234567890",
    "0.000000000000000000000000000000000000000001", "-99990000", "1e-5", "NaN", "Infinity",
    "-Infinity", "10000.0001", "100000000",
  ])
  func numericAsExactString(_ literal: String) async throws {
    try await Connection.withTestConnection { connection async throws in
      let row = try await connection.query(
        "SELECT $1::numeric AS n, ($1::numeric)::text AS expected", [literal])[0]
      #expect(try row.decode(String.self, "n") == row.decode(String.self, "expected"))
    }
  }

  @Test func numericBeyondDecimalPrecisionIsRefusedNotRounded() async throws {
    try await Connection.withTestConnection { connection async throws in
      let row = try await connection.query(
        "SELECT 1234567890123456789012345678901234567890.5::numeric AS amount")[0]
      let error = try #require(throws: PostgresError.self) {
        try row.decode(Decimal.self, "amount")
      }
      #expect(error.message.contains("amount") && error.message.contains("String"))
      #expect(try row.decode(String.self, "amount") == "1234567890123456789012345678901234567890.5")
    }
  }

  @Test(arguments: [
    UUID(), UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
    UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!,
    UUID(uuidString: "123E4567-E89B-12D3-A456-426614174000")!,
  ])
  func uuid(_ value: UUID) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "uuid") == value)
      let text = try await connection.query("SELECT $1::uuid::text", [value])[0]
      #expect(try text.decode(String.self, at: 0) == value.uuidString.lowercased())
    }
  }

  @Test(arguments: [
    (2000, 1, 1), (1999, 12, 31), (2024, 2, 29), (1970, 1, 1), (1, 1, 1), (9999, 12, 31),
    (1900, 3, 1),
  ])
  func date(_ year: Int, _ month: Int, _ day: Int) async throws {
    let value = try #require(PostgresDate(year: year, month: month, day: day))
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "date") == value)
      let row = try await connection.query(
        "SELECT to_char($1::date, 'YYYY-MM-DD'), make_date($2::int4, $3::int4, $4::int4)",
        [value, Int32(year), Int32(month), Int32(day)])[0]
      #expect(try row.decode(String.self, at: 0) == value.description)
      #expect(try row.decode(PostgresDate.self, at: 1) == value)
      #expect(try row.decode(Date.self, at: 1) == value.utcMidnight)
    }
  }

  @Test(arguments: [
    0, 946_684_800, 1_700_000_000.123456, -1_234_567_890.5, 4_102_444_800.000001,
    -62_135_596_800,
  ])
  func timestamptz(_ seconds: Double) async throws {
    let value = Date(timeIntervalSince1970: seconds)
    try await Connection.withTestConnection { connection async throws in
      let back = try await connection.echo(value, as: "timestamptz")
      #expect(abs(back.timeIntervalSince1970 - seconds) < 0.000_001)
      let epoch = try await connection.query(
        "SELECT extract(epoch FROM $1::timestamptz)::float8", [value])[0]
      #expect(abs(try epoch.decode(Double.self, at: 0) - seconds) < 0.000_001)
    }
  }

  @Test func timestamptzDoesNotDependOnTheSessionTimeZone() async throws {
    try await Connection.withTestConnection { connection async throws in
      try await connection.execute("SET TIME ZONE 'Pacific/Chatham'")
      let row = try await connection.query(
        "SELECT '2024-06-01 12:00:00+00'::timestamptz, '2024-06-01 12:00:00'::timestamp")[0]
      let expected = Date(timeIntervalSince1970: 1_717_243_200)
      #expect(try row.decode(Date.self, at: 0) == expected)
      #expect(try row.decode(Date.self, at: 1) == expected)
    }
  }

  @Test(arguments: [Data(), Data([0]), Data([0, 1, 2, 255, 254, 0, 39, 92]), Data("é".utf8)])
  func bytea(_ value: Data) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "bytea") == value)
    }
  }

  @Test func oneMebibyteBytea() async throws {
    let value = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "bytea") == value)
    }
  }

  struct Profile: Codable, Equatable {
    var name: String
    var routes: [String]
    var note: String?
  }

  @Test func jsonb() async throws {
    let profile = Profile(name: "Clinique ✓", routes: ["IV", "IM"], note: nil)
    try await Connection.withTestConnection { connection async throws in
      let value = try PostgresJSONB(encoding: profile)
      let back = try await connection.echo(value, as: "jsonb")
      #expect(try back.decode(Profile.self) == profile)
      let row = try await connection.query(
        "SELECT $1::jsonb -> 'routes' ->> 1 AS route, $1::jsonb AS doc, $1::json AS plain",
        [value])[0]
      #expect(try row.decode(String.self, "route") == "IM")
      #expect(try row.decode(PostgresJSONB.self, "doc").decode(Profile.self) == profile)
      #expect(try row.decode(PostgresJSONB.self, "plain").decode(Profile.self) == profile)
      #expect(try row.decode(String.self, "doc").contains("\"Clinique ✓\""))
    }
  }

  @Test(arguments: [
    [], ["a"], ["", "ünï ✓", "with,comma", "with\"quote", "with\\backslash", "NULL", "{braces}"],
  ])
  func textArray(_ value: [String]) async throws {
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "text[]") == value)
      let count = try await connection.query("SELECT cardinality($1::text[])", [value])[0]
      #expect(try count.decode(Int.self, at: 0) == value.count)
    }
  }

  @Test func textArrayWithNullElements() async throws {
    let value: [String?] = ["a", nil, "", nil]
    try await Connection.withTestConnection { connection async throws in
      #expect(try await connection.echo(value, as: "text[]") == value)
      let literal = try await connection.query("SELECT ARRAY['x', NULL]::text[]")[0]
      #expect(try literal.decode([String?].self, at: 0) == ["x", nil])
      let error = try #require(throws: PostgresError.self) {
        try literal.decode([String].self, at: 0)
      }
      #expect(error.message.contains("NULL"))
    }
  }

  @Test func otherArrays() async throws {
    try await Connection.withTestConnection { connection async throws in
      let ints: [Int] = [Int.min, 0, Int.max]
      #expect(try await connection.echo(ints, as: "int8[]") == ints)
      let ids = [UUID(), UUID()]
      #expect(try await connection.echo(ids, as: "uuid[]") == ids)
      let flags = [true, false]
      #expect(try await connection.echo(flags, as: "bool[]") == flags)
      let row = try await connection.query("SELECT '[0:1]={7,8}'::int4[]")[0]
      #expect(try row.decode([Int32].self, at: 0) == [7, 8])
      let matrix = try await connection.query("SELECT '{{1,2},{3,4}}'::int4[]")[0]
      #expect(throws: PostgresError.self) { try matrix.decode([Int32].self, at: 0) }
    }
  }

  @Test func nullOfEveryType() async throws {
    let types = [
      "text", "int2", "int4", "int8", "bool", "float8", "numeric", "uuid", "date", "timestamptz",
      "bytea", "jsonb", "text[]",
    ]
    try await Connection.withTestConnection { connection async throws in
      for type in types {
        let row = try await connection.query("SELECT $1::\(type) AS value", [PostgresValue.null])[0]
        #expect(try row.isNull(at: 0), "\(type)")
      }
      let row = try await connection.query(
        """
        SELECT $1::text, $2::int2, $3::int4, $4::int8, $5::bool, $6::float8, $7::numeric,
               $8::uuid, $9::date, $10::timestamptz, $11::bytea, $12::jsonb, $13::text[]
        """,
        [
          String?.none, Int16?.none, Int32?.none, Int64?.none, Bool?.none, Double?.none,
          Decimal?.none, UUID?.none, PostgresDate?.none, Date?.none, Data?.none,
          PostgresJSONB?.none, [String]?.none,
        ])[0]
      #expect(try row.decode(String?.self, at: 0) == nil)
      #expect(try row.decode(Int16?.self, at: 1) == nil)
      #expect(try row.decode(Int32?.self, at: 2) == nil)
      #expect(try row.decode(Int64?.self, at: 3) == nil)
      #expect(try row.decode(Bool?.self, at: 4) == nil)
      #expect(try row.decode(Double?.self, at: 5) == nil)
      #expect(try row.decode(Decimal?.self, at: 6) == nil)
      #expect(try row.decode(UUID?.self, at: 7) == nil)
      #expect(try row.decode(PostgresDate?.self, at: 8) == nil)
      #expect(try row.decode(Date?.self, at: 9) == nil)
      #expect(try row.decode(Data?.self, at: 10) == nil)
      #expect(try row.decode(PostgresJSONB?.self, at: 11) == nil)
      #expect(try row.decode([String]?.self, at: 12) == nil)
    }
  }

  @Test func everyTypeThroughATable() async throws {
    try await Connection.withTestConnection { connection async throws in
      try await connection.execute(
        """
        CREATE TEMP TABLE everything (
          t text, s int2, i int4, b int8, f bool, d float8, n numeric, u uuid, day date,
          at timestamptz, raw bytea, doc jsonb, tags text[])
        """)
      let id = UUID()
      let day = PostgresDate(year: 2025, month: 7, day: 14)!
      let at = Date(timeIntervalSince1970: 1_752_500_000.25)
      let inserted = try await connection.execute(
        "INSERT INTO everything VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        [
          "Ketamine ✓", Int16(-2), Int32(70_000), Int64(1) << 40, true, 0.1,
          Decimal(string: "149.99")!, id, day, at, Data([1, 2, 3]), PostgresJSONB("{\"a\": 1}"),
          ["IV", "IM"],
        ])
      #expect(inserted == 1)
      let first = try await connection.query("SELECT t, s, i, b, f, d FROM everything")[0]
      let (t, s, i, b, f, d) = try first.decode((String, Int16, Int32, Int64, Bool, Double).self)
      #expect(t == "Ketamine ✓" && s == -2 && i == 70_000 && b == 1 << 40 && f && d == 0.1)
      let row = try await connection.query("SELECT * FROM everything")[0]
      #expect(try row.decode(Decimal.self, "n") == Decimal(string: "149.99")!)
      #expect(try row.decode(UUID.self, "u") == id)
      #expect(try row.decode(PostgresDate.self, "day") == day)
      #expect(try row.decode(Date.self, "at") == at)
      #expect(try row.decode(Data.self, "raw") == Data([1, 2, 3]))
      #expect(try row.decode(PostgresJSONB.self, "doc").text == "{\"a\": 1}")
      #expect(try row.decode([String].self, "tags") == ["IV", "IM"])
    }
  }
}
