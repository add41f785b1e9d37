import Foundation
import Testing

@testable import VetctlCore

/// `vetctl audit-trail`, `due` and `changes` against a running server: they print what the
/// server returns (checked against the database), in every output format, and errors exit with
/// their documented status.
@Suite(.timeLimit(.minutes(10))) struct AuditListingTests {
  @Test func auditTrailListsEachEditWithActorAndBeforeAfter() async throws {
    try await RunningServer.with(label: "vetctl_trail") { server in
      let id = try await AuditCLI.addClinic(
        name: "Trail Clinic", externalID: "trail-1", on: server)
      let update = try await server.vetctl(["clinic", "update", id, "--name", "Trail & Co"])
      #expect(update.status == 0, "\(update)")
      let auditor = try await AuditCLI.issueToken("auditor", name: "trail-aud", on: server)

      let json = try await server.vetctl(["audit-trail", id, "-o", "json"], token: auditor)
      #expect(json.status == 0, "\(json)")
      let entries = try AuditCLI.jsonRows(json.output)
      let logged = try await AuditCLI.query(
        """
        select seq::text, action, actor from audit_log
         where entity_id = '\(id)' and entity_type = 'clinic' order by seq
        """, on: server)
      let fromLog = entries.filter { $0["source"] == "audit-log" && $0["entity_type"] == "clinic" }
      #expect(fromLog.map { [$0["seq"], $0["action"], $0["actor"]] } == logged)
      #expect(fromLog.map { $0["action"] } == ["create", "update"])
      #expect(fromLog.allSatisfy { $0["actor"]?.hasPrefix("token:") == true })
      let updated = try #require(fromLog.last)
      #expect(updated["changed_fields"]?.split(separator: ";").contains("name") == true)
      #expect(updated["changes"]?.contains("name: \"Trail Clinic\" → \"Trail & Co\"") == true)
      #expect(updated["before"]?.contains("\"Trail Clinic\"") == true)
      #expect(updated["after"]?.contains("\"Trail & Co\"") == true)
      #expect(entries.contains { $0["source"] == "assessment-history" || $0["action"] == "assess" })
      let times = entries.compactMap { $0["occurred_at"] }
      #expect(times == times.sorted(), "oldest first")

      let table = try await server.vetctl(["audit-trail", id], token: auditor)
      #expect(table.status == 0, "\(table)")
      #expect(table.output.hasPrefix("OCCURRED_AT"))
      #expect(table.output.contains("name: \"Trail Clinic\" → \"Trail & Co\""))
      #expect(!table.output.contains("BEFORE"), "the table leaves the whole records out")

      let csv = try await server.vetctl(["audit-trail", id, "-o", "csv"], token: auditor)
      let records = AuditCLI.csv(csv.output)
      #expect(records.first == AuditEntryFields.columns)
      #expect(records.count == entries.count + 1)

      let since = try await server.vetctl(
        ["audit-trail", id, "--since", "2999-01-01", "-o", "json"], token: auditor)
      #expect(since.status == 0, "\(since)")
      #expect(try AuditCLI.jsonRows(since.output).isEmpty)
    }
  }

  @Test func dueListsExactlyWhatTheDatabaseSaysIsStale() async throws {
    try await RunningServer.with(label: "vetctl_due") { server in
      let added = try await server.vetctl([
        "practitioner", "add", "--file", Binaries.example("practitioner-prescriber.yaml"),
      ])
      #expect(added.status == 0, "\(added)")
      _ = try await AuditCLI.addClinic(
        name: "NPI Clinic", externalID: "due-1", extra: ["--npi", "1234567893"], on: server)
      let run = try await server.vetctl(["due", "-o", "json"])
      #expect(run.status == 0, "\(run)")
      let items = try AuditCLI.jsonRows(run.output)
      func entities(_ reason: String) -> Set<String> {
        Set(items.filter { $0["reason"] == reason }.compactMap { $0["entity_id"] })
      }
      let npis = try await AuditCLI.query(
        """
        select id::text from clinics where npi is not null and npi_checked_at is null
        union all
        select id::text from practitioners where npi is not null and npi_checked_at is null
        """, on: server)
      #expect(entities("npi-not-checked") == Set(npis.compactMap { $0[0] }))
      #expect(npis.count == 2)
      let licenses = try await AuditCLI.query(
        """
        select id::text from licenses
         where archived_at is null
           and (last_verified_at is null or last_verified_at < now() - interval '90 days')
        """, on: server)
      #expect(entities("license-not-verified") == Set(licenses.compactMap { $0[0] }))
      #expect(items.allSatisfy { !($0["detail"] ?? "").isEmpty }, "each item says why")

      let only = try await server.vetctl([
        "due", "--reason", "npi-not-checked", "--within-days", "60", "-o", "csv",
      ])
      #expect(only.status == 0, "\(only)")
      let records = AuditCLI.csv(only.output)
      #expect(records.first == DueItemFields.columns)
      #expect(records.dropFirst().allSatisfy { $0[0] == "npi-not-checked" })
      #expect(records.count == 3)

      let table = try await server.vetctl(["due"])
      #expect(table.output.hasPrefix("REASON"))
      #expect(table.output.contains("NPI Clinic"))
    }
  }

  @Test func changesListsFirstAssessmentsAndTierChanges() async throws {
    try await RunningServer.with(label: "vetctl_changes") { server in
      let start = InstantText.format(.init(date: Date().addingTimeInterval(-60)), isSet: true)
      let first = try await AuditCLI.addClinic(
        name: "Alpha Changes", externalID: "chg-1", on: server)
      let second = try await AuditCLI.addClinic(
        name: "Beta Changes", externalID: "chg-2", on: server)
      let csv = try await server.vetctl(["changes", "--from", start, "-o", "csv"])
      #expect(csv.status == 0, "\(csv)")
      let records = AuditCLI.csv(csv.output)
      #expect(records.first == AssessmentChangeFields.columns)
      #expect(records.dropFirst().map { $0[0] } == [first, second])
      #expect(records.dropFirst().allSatisfy { $0[5] == "first-assessed" })
      #expect(csv.error.contains("2 changes from"), "the summary goes to standard error")
      #expect(csv.error.contains("2 first assessed"))

      let table = try await server.vetctl(["changes", "--from", start])
      #expect(table.output.hasPrefix("NAME"))
      #expect(table.output.contains("Alpha Changes"))
      #expect(
        table.output.hasSuffix("0 lost a flag, 0 with a flag of another severity\n"),
        "the summary follows the table")

      let json = try await server.vetctl([
        "changes", "--from", start, "--kind", "practitioner", "-o", "json",
      ])
      #expect(json.status == 0, "\(json)")
      #expect(try AuditCLI.jsonRows(json.output).isEmpty)
    }
  }

  @Test func errorsHaveTheirExitStatus() async throws {
    try await RunningServer.with(label: "vetctl_audit_errors") { server in
      let id = try await AuditCLI.addClinic(name: "Err", externalID: "aud-err", on: server)
      let referral = try await AuditCLI.issueToken("referral", name: "aud-ref", on: server)
      struct Case {
        var arguments: [String]
        var token: String?
        var status: Int32
        var message: String
      }
      let cases: [Case] = [
        Case(
          arguments: ["audit-trail", "00000000-0000-4000-8000-000000000000"], status: 66,
          message: "not found"),
        Case(arguments: ["audit-trail", "nope"], status: 65, message: "provider_id"),
        Case(
          arguments: ["audit-trail", id], token: referral, status: 77,
          message: "permission denied"),
        Case(arguments: ["audit-trail", id, "--since", "soon"], status: 64, message: "--since"),
        Case(arguments: ["audit-trail"], status: 64, message: "provider-id"),
        Case(arguments: ["due", "--within-days", "0"], status: 64, message: "--within-days"),
        Case(arguments: ["due", "--reason", "stale"], status: 64, message: "--reason: \"stale\""),
        Case(arguments: ["due"], token: referral, status: 77, message: "permission denied"),
        Case(arguments: ["due"], token: "pv_wrong", status: 77, message: "unauthenticated"),
        Case(arguments: ["changes"], status: 64, message: "--from"),
        Case(arguments: ["changes", "--from", "then"], status: 64, message: "--from"),
        Case(
          arguments: ["changes", "--from", "2999-01-01"], status: 65, message: "from_time"),
        Case(
          arguments: ["changes", "--from", "2025-01-01", "--kind", "robot"], status: 64,
          message: "--kind"),
        Case(
          arguments: ["due", "--server", "127.0.0.1:1", "--stream-timeout", "3"], status: 69,
          message: "unavailable"),
      ]
      for testCase in cases {
        let outcome = try await server.vetctl(testCase.arguments, token: testCase.token)
        #expect(outcome.status == testCase.status, "\(testCase.arguments): \(outcome)")
        #expect(outcome.error.contains(testCase.message), "\(testCase.arguments): \(outcome)")
        #expect(outcome.output.isEmpty, "\(testCase.arguments): nothing on standard output")
      }
    }
  }
}
