import Foundation
import LibPQ
import PGTestSupport
import Testing

/// `vetctl import`: row-by-row validation, server-side batches, an exact summary, idempotent
/// re-runs.
@Suite(.timeLimit(.minutes(5))) struct ImportTests {
  static let file = """
    kind,external_id,name,npi,states_served,address_line1,city,state,postal_code,latitude,longitude,given_name,family_name,roles,solo
    clinic,imp-c1,Maple Ketamine Clinic,2900000011,MI,1 Maple St,Lansing,MI,48912,42.73,-84.55,,,,
    practitioner,imp-p1,,1777777776,MI,,,,,,,Ada,Quill,therapist,true
    clinic,imp-c2,Bad NPI Clinic,1234567890,MI,,,,,,,,,,
    clinic,imp-c3,,,MI,,,,,,,,,,
    clinic,imp-c1,Duplicate Clinic,,MI,,,,,,,,,,
    clinic,imp-c4,"Broken "quote",,MI,,,,,,,,,,
    practitioner,imp-p2,,1700012341,MI;OH,9 Elm St,Detroit,MI,48201,42.33,-83.04,Bo,Lark,prescriber;therapist,true

    """

  static let rejections = """
    rejected line 4 (imp-c2): npi: "1234567890" is not a valid NPI (check digit fails)
    rejected line 5 (imp-c3): name: required for a clinic
    rejected line 6 (imp-c1): external_id "imp-c1" is already used on line 2
    rejected line 7: malformed: text after a closing quote

    """

  /// A solo practitioner's row with an address gets that office as a location, so a search by
  /// place finds the practice (issue 12: solo listings were never found by place).
  @Test func soloPractitionerRowsGetTheirOfficeAndAreFoundByPlace() async throws {
    try await RunningServer.with(label: "vetctl_import_solo") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      try Self.file.write(to: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: path) }
      _ = try await server.vetctl(["import", path.path])
      let found = try await server.vetctl([
        "search", "--city", "Detroit", "--state", "MI", "-o", "csv",
      ])
      #expect(found.status == 0 && found.output.contains("Bo Lark"), "\(found)")
      let near = try await server.vetctl([
        "search", "--near", "42.33,-83.04", "--radius", "5", "-o", "csv",
      ])
      #expect(near.status == 0 && near.output.contains("Bo Lark"), "\(near)")
      let rerun = try await server.vetctl(["import", path.path])
      #expect(rerun.output.hasPrefix("created 0, updated 0, unchanged 3"), "\(rerun)")
    }
  }

  @Test func summaryIsExactGoodRowsLandAndARerunChangesNothing() async throws {
    try await RunningServer.with(label: "vetctl_import") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      try Self.file.write(to: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: path) }

      let first = try await server.vetctl(["import", path.path])
      #expect(first.status == 65, "rejected rows make the exit status 65: \(first)")
      #expect(first.output == "created 3, updated 0, unchanged 0, rejected 4\n" + Self.rejections)
      let landed = try await rows(server.databaseURL)
      #expect(landed == ["imp-c1", "imp-p1", "imp-p2"])
      let audited = try await auditEntries(server.databaseURL)

      let second = try await server.vetctl(["import", path.path])
      #expect(second.output == "created 0, updated 0, unchanged 3, rejected 4\n" + Self.rejections)
      #expect(try await rows(server.databaseURL) == landed)
      #expect(try await auditEntries(server.databaseURL) == audited, "a re-run writes nothing")
    }
  }

  @Test func aChangedRowUpdatesItsRecordByExternalIDAndAGivenIDIsChecked() async throws {
    try await RunningServer.with(label: "vetctl_import_update") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      defer { try? FileManager.default.removeItem(at: path) }
      try "kind,external_id,name\nclinic,u-1,Old Name\n".write(
        to: path, atomically: true, encoding: .utf8)
      let created = try await server.vetctl(["import", path.path])
      #expect(created.output == "created 1, updated 0, unchanged 0, rejected 0\n", "\(created)")
      let id = try #require(
        try await query(server.databaseURL, "select id::text from clinics").first
      ).decode(String.self, at: 0)

      // No id column: the external id finds the record, and the file's fields win.
      try "kind,external_id,name\nclinic,u-1,New Name\n".write(
        to: path, atomically: true, encoding: .utf8)
      let updated = try await server.vetctl(["import", path.path])
      #expect(updated.status == 0, "\(updated)")
      #expect(updated.output == "created 0, updated 1, unchanged 0, rejected 0\n")
      let again = try await server.vetctl(["import", path.path])
      #expect(again.output == "created 0, updated 0, unchanged 1, rejected 0\n")
      let stored = try #require(
        try await query(server.databaseURL, "select name, version from clinics").first)
      #expect(try stored.decode(String.self, at: 0) == "New Name")
      #expect(try stored.decode(Int.self, at: 1) == 2)

      // An id column is checked: the right id is fine, another one rejects the row.
      try "kind,external_id,id,name\nclinic,u-1,\(id),New Name\n".write(
        to: path, atomically: true, encoding: .utf8)
      let checked = try await server.vetctl(["import", path.path])
      #expect(checked.output == "created 0, updated 0, unchanged 1, rejected 0\n", "\(checked)")
      let wrong = UUID().uuidString.lowercased()
      try "kind,external_id,id,name\nclinic,u-1,\(wrong),Newer Name\n".write(
        to: path, atomically: true, encoding: .utf8)
      let refused = try await server.vetctl(["import", path.path])
      #expect(refused.status == 65)
      #expect(
        refused.output == """
          created 0, updated 0, unchanged 0, rejected 1
          rejected line 2 (u-1): id: no clinic or practitioner has id \(wrong); external_id "u-1" \
          names clinic \(id)

          """, "\(refused)")
    }
  }

  @Test func aDryRunAsksTheServerAndWritesNothing() async throws {
    try await RunningServer.with(label: "vetctl_import_dry") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      try Self.file.write(to: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: path) }
      let audited = try await auditEntries(server.databaseURL)

      let dry = try await server.vetctl(["import", path.path, "--dry-run"])
      #expect(dry.status == 65, "\(dry)")
      #expect(dry.output == "created 3, updated 0, unchanged 0, rejected 4\n" + Self.rejections)
      #expect(dry.error.contains("dry run: the server checked every row; nothing was written"))
      #expect(try await rows(server.databaseURL).isEmpty)
      #expect(try await auditEntries(server.databaseURL) == audited)

      // Small batches: every batch is asked, the counts are the same.
      let json = try await server.vetctl([
        "import", path.path, "--dry-run", "--batch-size", "1", "-o", "json",
      ])
      #expect(json.output.contains("\"created\" : 3"), "\(json)")
      #expect(json.output.contains("\"dry_run\" : true"))
      #expect(try await rows(server.databaseURL).isEmpty)

      // --check-only needs no server at all.
      let checked = try await Spawned.run(
        Binaries.vetctl, ["import", path.path, "--check-only", "--server", "127.0.0.1:1"],
        environment: ["PATH": "/usr/bin:/bin"])
      #expect(checked.status == 65, "\(checked)")
      #expect(checked.output == "valid 3, rejected 4\n" + Self.rejections)

      let real = try await server.vetctl(["import", path.path])
      #expect(real.output == dry.output, "the dry run said exactly what the real run did")
      #expect(try await rows(server.databaseURL) == ["imp-c1", "imp-p1", "imp-p2"])
    }
  }

  @Test func aRefusedCallStopsTheImportAndSaysNothingWasWritten() async throws {
    try await RunningServer.with(label: "vetctl_import_denied") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      try Self.file.write(to: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: path) }
      let referral = try await server.vetctl([
        "token", "issue", "--name", "ref", "--role", "referral", "-o", "csv",
      ])
      let token = try referral.csvField(line: 1, column: 3)
      let denied = try await server.vetctl(
        ["import", path.path, "--batch-size", "2"], token: token)
      #expect(denied.status == 77, "\(denied)")
      #expect(denied.output.isEmpty)
      #expect(denied.error.contains("permission denied"))
      #expect(
        denied.error.contains(
          "import stopped at batch 1 of 2 (lines 2 to 3): that batch wrote nothing; no batch "
            + "before it was committed"), "\(denied)")
      #expect(try await rows(server.databaseURL).isEmpty)
    }
  }

  /// Batch 2 waits on a row lock the test holds until the call's deadline passes: the server
  /// rolls it back (and does not commit it once the lock goes), batch 1 stays committed, and the
  /// message says so by line.
  @Test func aBatchThatFailsStopsTheImportNamingTheCommittedLines() async throws {
    try await RunningServer.with(label: "vetctl_import_stopped") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      defer { try? FileManager.default.removeItem(at: path) }
      try "kind,external_id,name\nclinic,f-b,Before\n".write(
        to: path, atomically: true, encoding: .utf8)
      #expect(try await server.vetctl(["import", path.path]).status == 0)
      try "kind,external_id,name\nclinic,f-a,New A\nclinic,f-b,After\nclinic,f-c,New C\n".write(
        to: path, atomically: true, encoding: .utf8)

      let locker = try await Connection.connect(to: server.databaseURL)
      let stopped: Spawned.Outcome
      do {
        try await locker.execute("begin")
        try await locker.execute("select 1 from clinics where external_id = 'f-b' for update")
        stopped = try await server.vetctl([
          "import", path.path, "--batch-size", "1", "--timeout", "4",
        ])
        try await locker.execute("rollback")
        await locker.close()
      } catch {
        await locker.close()
        throw error
      }
      #expect(stopped.status == 69, "\(stopped)")
      #expect(stopped.output.isEmpty)
      #expect(stopped.error.contains("DEADLINE_EXCEEDED"), "\(stopped)")
      #expect(
        stopped.error.contains(
          "import stopped at batch 2 of 3 (line 3): that batch was rolled back, unless the server "
            + "committed it just as the answer was lost"), "\(stopped)")
      #expect(
        stopped.error.contains(
          "batch 1 (line 2) was committed: created 1, updated 0, unchanged 0, rejected by the "
            + "server 0\nre-run the same file to complete the import"), "\(stopped)")
      // Give a server that (wrongly) kept waiting on the lock time to commit, then look.
      try await Task.sleep(for: .seconds(1))
      #expect(try await rows(server.databaseURL) == ["f-a", "f-b"])
      let name = try #require(
        try await query(
          server.databaseURL, "select name from clinics where external_id = 'f-b'"
        ).first
      ).decode(String.self, at: 0)
      #expect(name == "Before", "the batch that timed out was rolled back")

      let rerun = try await server.vetctl(["import", path.path, "--batch-size", "1"])
      #expect(rerun.output == "created 1, updated 1, unchanged 1, rejected 0\n", "\(rerun)")
    }
  }

  @Test func aFileWithoutARequiredColumnWritesNothing() async throws {
    try await RunningServer.with(label: "vetctl_import_header") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).csv")
      try "kind,name\nclinic,No Key Clinic\n".write(to: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: path) }
      let outcome = try await server.vetctl(["import", path.path])
      #expect(outcome.status == 65)
      #expect(
        outcome.error.contains(
          "the required column \"external_id\" is missing; nothing was imported"))
      #expect(try await rows(server.databaseURL).isEmpty)
    }
  }

  @Test func jsonRowsAreCheckedLikeCSV() async throws {
    try await RunningServer.with(label: "vetctl_import_json") { server in
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "import-\(UUID()).json")
      try """
      [{"kind": "clinic", "external_id": "j-1", "name": "Json Clinic", "states_served": ["MI"]},
       {"kind": "practitioner", "external_id": "j-2", "given_name": "Cy", "family_name": "Moss", "solo": true, "npi": "1234567890"},
       {"kind": "clinic", "external_id": "j-3", "name": "Typo", "nmae": "x"}]
      """.write(to: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: path) }
      let outcome = try await server.vetctl(["import", path.path])
      #expect(
        outcome.output == """
          created 1, updated 0, unchanged 0, rejected 2
          rejected record 2 (j-2): npi: "1234567890" is not a valid NPI (check digit fails)
          rejected record 3 (j-3): unknown key "nmae"

          """, "\(outcome)")
      #expect(try await rows(server.databaseURL) == ["j-1"])
    }
  }

  /// External ids of every clinic and practitioner, sorted.
  private func rows(_ url: String) async throws -> [String] {
    try await query(
      url,
      "select external_id from clinics union all select external_id from practitioners order by 1"
    ).map { try $0.decode(String.self, at: 0) }
  }

  private func auditEntries(_ url: String) async throws -> Int {
    try #require(try await query(url, "select count(*) from audit_log").first)
      .decode(Int.self, at: 0)
  }

  private func query(_ url: String, _ sql: String) async throws -> [PostgresRow] {
    let connection = try await Connection.connect(to: url)
    do {
      let rows = Array(try await connection.query(sql))
      await connection.close()
      return rows
    } catch {
      await connection.close()
      throw error
    }
  }
}
