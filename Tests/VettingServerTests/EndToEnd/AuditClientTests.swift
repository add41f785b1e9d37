import Foundation
import GRPCCore
import LibPQ
import PGTestSupport
import SwiftProtobuf
import Synchronization
import Testing
import VettingAPI
import VettingClient
import VettingStore

/// The Audit calls through `VettingClient` against the built server process.
@Suite("vetting-server process: Audit through VettingClient")
struct AuditClientTests {
  /// Collects what a streaming call hands to its closure.
  final class Collected<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])
    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
  }

  @Test("report, trail, due list and comparison stream through the client; referral is denied")
  func auditCalls() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-audit") { database in
      try await ServerProcess.with(databaseURL: database.url) { server in
        let admin = try await EndToEnd.issueToken(.admin, databaseURL: database.url)
        let auditor = try await EndToEnd.issueToken(.auditor, databaseURL: database.url)
        let referral = try await EndToEnd.issueToken(.referral, databaseURL: database.url)
        let start = Date().addingTimeInterval(-60)
        let created = try await EndToEnd.withClient(server, token: admin) { client in
          [
            try await client.createClinic(EndToEnd.createClinic("Audit Client Beta")),
            try await client.createClinic(EndToEnd.createClinic("Audit Client Alpha")),
          ]
        }

        try await EndToEnd.withClient(server, token: auditor) { client in
          let rows = Collected<Vetting_V1_ReportRow>()
          let headers = Collected<Vetting_V1_ReportHeader>()
          let summary = try await client.runVettingReport(
            .init(), onHeader: { headers.append($0) }
          ) { rows.append($0) }
          #expect(headers.all.map(\.totalRows) == [2])
          #expect(rows.all.map(\.name) == ["Audit Client Alpha", "Audit Client Beta"])
          #expect(summary.providers == 2)
          #expect(summary.assessed == 2)

          let entries = Collected<Vetting_V1_AuditEntry>()
          try await client.getAuditTrail(.with { $0.providerID = created[0].id }) {
            entries.append($0)
          }
          #expect(entries.all.first?.action == "create")
          #expect(entries.all.first?.actor.hasPrefix("token:e2e-admin-") == true)

          let due = Collected<Vetting_V1_DueItem>()
          try await client.listDueForReview(.init()) { due.append($0) }
          #expect(due.all.allSatisfy { $0.reason != .unspecified })

          let changes = Collected<Vetting_V1_AssessmentChange>()
          let compared = try await client.compareAssessments(
            .with { $0.fromTime = Google_Protobuf_Timestamp(date: start) }
          ) { changes.append($0) }
          #expect(changes.all.count == 2)
          #expect(compared.firstAssessed == 2)
        }

        let denied = await #expect(throws: RPCError.self) {
          try await EndToEnd.withClient(server, token: referral) { client in
            try await client.runVettingReport(.init()) { _ in }
          }
        }
        #expect(denied?.code == .permissionDenied)
      }
    }
  }

  @Test("a client that stops reading mid-report frees the server's snapshot and connection")
  func abandonedReport() async throws {
    try await TestDatabase.withScratchDatabase(label: "e2e-audit-cancel") { database in
      let connection = try await Connection.connect(to: database.url)
      do {
        try await MigrationRunner().migrate(on: connection)
        // More rows than one cursor batch, so the server is mid-read when the client gives up.
        try await SyntheticDirectory.seed(providers: 3_000, label: "cancel", on: connection)
        try await ServerProcess.with(databaseURL: database.url) { server in
          let auditor = try await EndToEnd.issueToken(.auditor, databaseURL: database.url)
          struct Enough: Error {}
          try await EndToEnd.withClient(server, token: auditor) { client in
            await #expect(throws: Enough.self) {
              _ = try await client.runVettingReport(.init()) { _ in throw Enough() }
            }
            // The cursor's transaction ends (rolled back) within a few seconds.
            let deadline = ContinuousClock.now + .seconds(10)
            var open = 1
            while open > 0, ContinuousClock.now < deadline {
              open = try await connection.query(
                """
                select count(*) from pg_stat_activity
                 where datname = current_database() and pid <> pg_backend_pid()
                   and state like 'idle in transaction%'
                """
              ).singleRow()!.decode(Int.self, at: 0)
              if open > 0 { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(open == 0)
            // And the server still answers a whole report.
            let summary = try await client.runVettingReport(
              .init(), options: VettingCallOptions(timeout: .seconds(120))
            ) { _ in }
            #expect(summary.providers == 3_000)
          }
        }
        await connection.close()
      } catch {
        await connection.close()
        throw error
      }
    }
  }
}
