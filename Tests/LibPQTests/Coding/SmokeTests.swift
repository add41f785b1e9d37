import Foundation
import LibPQ
import PGTestSupport
import Testing

@Suite("Smoke")
struct SmokeTests {
  @Test func selectsAParameter() async throws {
    let connection = try await TestDatabase.connect()
    let rows = try await connection.query("SELECT $1::int4 + 1 AS n, $2 AS s", [Int32(41), "hé"])
    #expect(try rows[0].decode(Int32.self, "n") == 42)
    #expect(try rows[0].decode(String.self, at: 1) == "hé")
    await connection.close()
  }
}
