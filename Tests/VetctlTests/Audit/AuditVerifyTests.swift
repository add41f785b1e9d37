import Foundation
import LibPQ
import Testing

/// `vetctl audit verify` against a running server: exit 0 with the head for an intact log; exit 65
/// naming the first broken entry after the table's owner edited a row with the triggers off.
@Suite(.timeLimit(.minutes(10))) struct AuditVerifyTests {
  @Test func verifyNamesTheEditedEntryAndExits65() async throws {
    try await RunningServer.with(label: "vetctl_verify") { server in
      _ = try await AuditCLI.addClinic(name: "Verify Clinic", externalID: "verify-1", on: server)
      let auditor = try await AuditCLI.issueToken("auditor", name: "verify-aud", on: server)

      let intact = try await server.vetctl(["audit", "verify", "-o", "json"], token: auditor)
      #expect(intact.status == 0, "\(intact)")
      let result = try #require(
        try JSONSerialization.jsonObject(with: Data(intact.output.utf8)) as? [String: Any])
      #expect(result["intact"] as? Bool == true, "\(intact.output)")
      let head = try await AuditCLI.query(
        "select position::text, encode(entry_hash, 'hex') from audit_chain_head",
        on: server)
      #expect(result["head_position"] as? String == head.first?[0], "\(intact.output)")
      #expect(result["head_hash"] as? String == head.first?[1], "\(intact.output)")

      let victim = try #require(
        try await AuditCLI.query(
          "select chain_position::text, id::text from audit_log order by chain_position limit 1",
          on: server
        ).first)
      // The table's owner edits the first entry with the triggers off.
      let owner = try await Connection.connect(to: server.databaseURL)
      do {
        try await owner.executeTrustedScript(
          """
          begin;
          alter table audit_log disable trigger user;
          update audit_log set actor = 'someone else' where chain_position = 1;
          alter table audit_log enable trigger user;
          commit;
          """)
        await owner.close()
      } catch {
        await owner.close()
        throw error
      }

      let broken = try await server.vetctl(["audit", "verify"], token: auditor)
      #expect(broken.status == 65, "\(broken)")
      #expect(broken.output.contains("no"), "\(broken)")
      #expect(
        broken.error.contains("entry \(victim[0]!) (seq"), "the message names the entry: \(broken)")
      #expect(broken.error.contains(victim[1]!), "\(broken)")

      let referral = try await AuditCLI.issueToken("referral", name: "verify-ref", on: server)
      let refused = try await server.vetctl(["audit", "verify"], token: referral)
      #expect(refused.status == 77, "\(refused)")
    }
  }
}
