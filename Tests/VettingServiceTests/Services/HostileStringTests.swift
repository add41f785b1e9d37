import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

@Suite(
  "Hostile strings are stored verbatim or refused; nothing else changes", .migratedDatabase,
  .serialized)
struct HostileStringTests {
  static let verbatim: [String] = [
    "O'Brien \"Quoted\" Clinic",
    "'; DROP TABLE clinics; --",
    "Robert'); DELETE FROM audit_log;--",
    "\\x00 \\\\ backslashes",
    "Ketamine 🧠 Ünïcödé — Clinic",
    "$1 $2 %s %n {{name}}",
    String(repeating: "é", count: 300),
  ]

  @Test(arguments: verbatim)
  func storedVerbatim(_ name: String) async throws {
    try await ServiceHarness.with { h in
      let clinicsBefore = try await Fixtures.rowCount(h.pool, "clinics")
      var request = Fixtures.createClinic(name)
      request.fields.description_p = name
      request.locations[0].addressLine1 = name
      let created = try await h.admin.createClinic(request, metadata: h.metadata(.admin))
      let read = try await h.directory.getClinic(
        .with { $0.id = created.id }, metadata: h.metadata(.referral))
      #expect(read.name == name)
      #expect(read.description_p == name)
      #expect(read.locations.first?.addressLine1 == name)
      #expect(try await Fixtures.rowCount(h.pool, "clinics") == clinicsBefore + 1)
    }
  }

  static let refused: [(String, String)] = [
    ("NUL inside", "Clinic\u{0}Name"),
    ("10k characters", String(repeating: "A", count: 10_000)),
    ("10k quotes", String(repeating: "'", count: 10_000)),
  ]

  @Test(arguments: refused)
  func refusedWithoutSideEffects(_ label: String, _ name: String) async throws {
    try await ServiceHarness.with { h in
      let clinicsBefore = try await Fixtures.rowCount(h.pool, "clinics")
      let auditBefore = try await Fixtures.rowCount(h.pool, "audit_log")
      let error = await expectRPCError(.invalidArgument) {
        _ = try await h.admin.createClinic(
          Fixtures.createClinic(name), metadata: h.metadata(.admin))
      }
      #expect(error?.message.hasPrefix("fields.name:") == true, "\(label): \(error?.message ?? "")")
      #expect(try await Fixtures.rowCount(h.pool, "clinics") == clinicsBefore)
      #expect(try await Fixtures.rowCount(h.pool, "audit_log") == auditBefore)
    }
  }

  @Test("hostile search text is a harmless query, not an error or injection")
  func hostileSearchText() async throws {
    try await ServiceHarness.with { h in
      let clinicsBefore = try await Fixtures.rowCount(h.pool, "clinics")
      _ = try await h.directory.searchProviders(
        .with { $0.text = "'; DROP TABLE clinics; --" }, metadata: h.metadata(.referral))
      #expect(try await Fixtures.rowCount(h.pool, "clinics") == clinicsBefore)
    }
  }
}
