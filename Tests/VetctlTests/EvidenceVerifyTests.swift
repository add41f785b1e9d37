import Foundation
import Testing

/// `vetctl evidence verify` without `--expected-version` reads the item's current version.
@Suite(.timeLimit(.minutes(5))) struct EvidenceVerifyTests {
  @Test func verifyReadsTheCurrentVersionUnlessOneIsGiven() async throws {
    try await RunningServer.with(label: "vetctl_evidence_verify") { server in
      let clinic = try await server.vetctl([
        "clinic", "add", "--file", Binaries.example("clinic.yaml"), "-o", "json",
      ])
      let clinicID = try #require(try field("id", of: clinic))
      let added = try await server.vetctl([
        "evidence", "add", "--provider", clinicID, "--subject", "screening.urine-toxicology",
        "--description", "Urine toxicology policy", "--location", "dms://certs/42", "-o", "json",
      ])
      let evidenceID = try #require(try field("id", of: added))

      // Twice without a version: the second verification is of version 2, read by vetctl.
      for version in [2, 3] {
        let verified = try await server.vetctl([
          "evidence", "verify", evidenceID, "--verified-by", "staff:kim", "-o", "json",
        ])
        #expect(verified.status == 0, "\(verified)")
        #expect(try field("version", of: verified) == "\(version)")
      }
      // A version given is still checked as given.
      let stale = try await server.vetctl([
        "evidence", "verify", evidenceID, "--verified-by", "staff:kim", "--expected-version", "1",
      ])
      #expect(stale.status == 75, "\(stale)")
      #expect(stale.error.contains("not 1"), "\(stale)")
      let unknown = try await server.vetctl([
        "evidence", "verify", UUID().uuidString.lowercased(), "--verified-by", "staff:kim",
      ])
      #expect(unknown.status == 66, "\(unknown)")
    }
  }

  /// A top-level field of a JSON object output, as text.
  private func field(_ name: String, of outcome: Spawned.Outcome) throws -> String? {
    guard outcome.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
        as? [String: Any]
    else { throw SpawnError("vetctl failed: \(outcome)") }
    return object[name].map { "\($0)" }
  }
}
