import Foundation
import GRPCCore
import StoreTestSupport
import Testing
import VettingAPI

@Suite("Admin/GetEvidence: one evidence item with its version", .migratedDatabase)
struct GetEvidenceTests {
  @Test("reads back what was added and verified, version included; unknown ids are NOT_FOUND")
  func readBack() async throws {
    try await ServiceHarness.with { h in
      let admin = h.metadata(.admin)
      let clinic = try await h.admin.createClinic(Fixtures.createClinic(), metadata: admin)
      let added = try await h.admin.addEvidence(
        Fixtures.addEvidence(providerID: clinic.id), metadata: admin)
      #expect(try await h.admin.getEvidence(.with { $0.id = added.id }, metadata: admin) == added)

      let verified = try await h.admin.verifyEvidence(
        .with {
          $0.evidenceID = added.id
          $0.expectedVersion = added.version
          $0.verifiedBy = "staff:kim"
          $0.provenance = .verifiedByStaff
        }, metadata: admin)
      let read = try await h.admin.getEvidence(.with { $0.id = added.id }, metadata: admin)
      #expect(read == verified)
      #expect(read.version == added.version + 1)

      await expectRPCError(.notFound) {
        _ = try await h.admin.getEvidence(
          .with { $0.id = UUID().uuidString.lowercased() }, metadata: admin)
      }
      let malformed = await expectRPCError(.invalidArgument) {
        _ = try await h.admin.getEvidence(.with { $0.id = "42" }, metadata: admin)
      }
      #expect(malformed?.message.hasPrefix("id: ") == true)
      await expectRPCError(.permissionDenied) {
        _ = try await h.admin.getEvidence(
          .with { $0.id = added.id }, metadata: h.metadata(.referral))
      }
    }
  }
}
