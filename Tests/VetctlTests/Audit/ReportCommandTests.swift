import Foundation
import Testing

@testable import VetctlCore

/// `vetctl report` against a running server over a seeded directory: the files hold exactly
/// the directory's rows and summary, `--as-of` picks the assessment in force then, and every
/// failure has its documented exit status and leaves no file.
@Suite(.timeLimit(.minutes(10))) struct ReportCommandTests {
  /// Listed providers with their assessment in force, in report order, from SQL: id, kind,
  /// name, assessment id, tier, score, flag ids (sorted, `;`-separated).
  static let expectedSQL = """
    with listed as (
      select c.id, 'clinic' as kind, c.name from clinics c where c.archived_at is null
      union all
      select p.id, 'practitioner', p.full_name from practitioners p
       where p.listed_solo and p.archived_at is null)
    select l.id::text, l.kind, l.name, a.id::text, replace(a.tier, '_', '-'),
           floor(a.score)::int::text,
           array_to_string(array(select f from unnest(a.flag_ids) f order by f), ';')
      from listed l
      left join assessments a on a.provider_id = l.id and a.superseded_at is null
     order by coalesce(a.critical_flags, 0) > 0, lower(l.name), l.id
    """

  static let hostileName = "<script>alert(\"x\")</script> & \"Quotes\", O'Brien's\nclinic"

  @Test func filesMatchTheSeededDirectory() async throws {
    try await RunningServer.with(label: "vetctl_report") { server in
      let load = try await Spawned.run(
        Binaries.vetctl,
        [
          "demo-data", "--database-url", server.databaseURL, "--providers", "120", "--label", "rep",
        ],
        environment: ["PATH": "/usr/bin:/bin"])
      #expect(load.status == 0, "\(load)")
      let hostileID = try await AuditCLI.addClinic(
        name: Self.hostileName, externalID: "report-hostile", on: server)
      let auditor = try await AuditCLI.issueToken("auditor", name: "aud", on: server)
      let expected = try await AuditCLI.query(Self.expectedSQL, on: server)
      #expect(expected.count == 121)

      try await AuditCLI.withDirectory { directory in
        // CSV: the header, then exactly the SQL rows in order.
        let csvPath = directory + "/directory.csv"
        let csvRun = try await server.vetctl(["report", "--out", csvPath], token: auditor)
        #expect(csvRun.status == 0, "\(csvRun)")
        #expect(csvRun.output.hasPrefix("wrote \(csvPath) (csv): 121 providers, 121 assessed"))
        #expect(csvRun.error.contains("report: 121/121 100%"), "plain progress: \(csvRun.error)")
        let text = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let records = AuditCLI.csv(text)
        #expect(records.first == ReportCSV.columns)
        let column = { (name: String) in ReportCSV.columns.firstIndex(of: name)! }
        let got = records.dropFirst().map { record -> [String?] in
          [
            record[column("provider_id")], record[column("kind")], record[column("name")],
            record[column("assessment_id")], record[column("tier")], record[column("score")],
            record[column("flags")].split(separator: ";").map {
              String($0.split(separator: ":")[0])
            }
            .joined(separator: ";"),
          ]
        }
        #expect(got == expected)
        let hostileRow = try #require(records.first { $0[0] == hostileID })
        #expect(hostileRow[column("name")] == Self.hostileName)

        // JSON: the same rows, and a summary equal to aggregates over them.
        let jsonPath = directory + "/directory.json"
        let jsonRun = try await server.vetctl(["report", "--out", jsonPath], token: auditor)
        #expect(jsonRun.status == 0, "\(jsonRun)")
        let object = try #require(
          try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath)))
            as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["provider_id"] as? String } == expected.map { $0[0] })
        #expect(rows.map { $0["name"] as? String } == expected.map { $0[2] })
        #expect(
          rows.map { ($0["score"] as? Int).map(String.init) ?? "0" } == expected.map { $0[5] })
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["providers"] as? String == "121")
        #expect(summary["assessed"] as? String == "121")
        var tierCounts: [String: Int] = [:]
        for row in expected { tierCounts[row[4] ?? "", default: 0] += 1 }
        let tiers = try #require(summary["tiers"] as? [[String: Any]])
        #expect(tiers.count == 5, "every tier, best first, including those with no provider")
        for tier in tiers {
          // Proto JSON names the enum value: TIER_NOT_VETTED is not-vetted.
          let name = (tier["tier"] as? String ?? "").replacingOccurrences(of: "TIER_", with: "")
            .lowercased().replacingOccurrences(of: "_", with: "-")
          #expect(Int(tier["count"] as? String ?? "0") == tierCounts[name] ?? 0, "\(name)")
        }
        var buckets = Array(repeating: 0, count: 10)
        for row in expected { buckets[min(9, Int(row[5] ?? "0")! / 10)] += 1 }
        let histogram = try #require(summary["score_histogram"] as? [[String: Any]])
        #expect(histogram.map { Int($0["count"] as? String ?? "0") ?? 0 } == buckets)
        var flagCounts: [String: Int] = [:]
        for row in expected {
          for flag in (row[6] ?? "").split(separator: ";") {
            flagCounts[String(flag), default: 0] += 1
          }
        }
        let flags = try #require(summary["flags"] as? [[String: Any]])
        #expect(
          Dictionary(
            uniqueKeysWithValues: flags.map {
              ($0["flag_id"] as? String ?? "", Int($0["count"] as? String ?? "0") ?? 0)
            }) == flagCounts)
        #expect(!flagCounts.isEmpty, "the demo directory raises flags")

        // HTML: one self-contained page, a compact table row per provider, names escaped.
        let htmlPath = directory + "/directory.html"
        let htmlRun = try await server.vetctl(
          ["report", "--out", htmlPath, "--title", "Whole directory"], token: auditor)
        #expect(htmlRun.status == 0, "\(htmlRun)")
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        for forbidden in ["http://", "https://", "src=", "<link", "url("] {
          #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.components(separatedBy: "<script").count - 1 == 1, "the table's script only")
        #expect(html.components(separatedBy: "<section class=\"provider\"").count - 1 == 0)
        let table = html.components(separatedBy: "id=\"providers\"")[1]
          .components(separatedBy: "</section>")[0]
        #expect(
          table.components(separatedBy: "role=\"row\"").count - 1 == 122, "a head and 121 rows")
        #expect(html.contains(HTMLText.escape(Self.hostileName)))
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 3)
        #expect(table.utf8.count / 121 < 1_024, "about \(table.utf8.count / 121) bytes a row")

        // --details flagged: a section for exactly the providers with a critical or major flag.
        let flagged = Set(
          records.dropFirst().filter { record in
            record[column("flags")].split(separator: ";").contains {
              $0.hasSuffix(":critical") || $0.hasSuffix(":major")
            }
          }.map { $0[column("provider_id")] })
        #expect(!flagged.isEmpty, "the demo directory has flagged providers")
        let detailedPath = directory + "/flagged.html"
        let detailedRun = try await server.vetctl(
          ["report", "--out", detailedPath, "--details", "flagged"], token: auditor)
        #expect(detailedRun.status == 0, "\(detailedRun)")
        let detailed = try String(contentsOfFile: detailedPath, encoding: .utf8)
        #expect(
          Set(quotedValues(after: "<section class=\"provider\" id=\"p-", in: detailed)) == flagged)
        #expect(detailed.contains("<table class=\"criteria\">"), "sections explain the criteria")
        try FileManager.default.removeItem(atPath: detailedPath)
        #expect(
          try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == [
            "directory.csv", "directory.html", "directory.json",
          ], "no scratch or partial file is left")

        // Filters reach the server: one tier only.
        let tierPath = directory + "/vetted.csv"
        let tierRun = try await server.vetctl(
          ["report", "--out", tierPath, "--tier", "vetted", "--kind", "clinic"], token: auditor)
        #expect(tierRun.status == 0, "\(tierRun)")
        let tierRecords = AuditCLI.csv(try String(contentsOfFile: tierPath, encoding: .utf8))
          .dropFirst()
        #expect(
          tierRecords.map { $0[0] }
            == expected.filter { $0[4] == "vetted" && $0[1] == "clinic" }.map { $0[0]! })
      }
    }
  }

  @Test func asOfGivesTheAssessmentInForceThen() async throws {
    try await RunningServer.with(label: "vetctl_report_asof") { server in
      let id = try await AuditCLI.addClinic(
        name: "As Of Clinic", externalID: "asof-1", on: server)
      func assessment(_ extra: [String]) async throws -> [String] {
        let run = try await server.vetctl(["report", "--out", "-", "--format", "csv"] + extra)
        #expect(run.status == 0, "\(run)")
        let records = AuditCLI.csv(run.output)
        return try #require(records.first { $0[0] == id }, "\(run)")
      }
      let first = try await assessment([])
      try await Task.sleep(for: .milliseconds(1_200))
      let between = InstantText.format(.init(date: Date()), isSet: true)
      try await Task.sleep(for: .milliseconds(1_200))
      let profile = try await server.vetctl([
        "profile", "set", id, "--file", Binaries.example("profile.yaml"),
      ])
      #expect(profile.status == 0, "\(profile)")
      let latest = try await assessment([])
      let assessmentID = ReportCSV.columns.firstIndex(of: "assessment_id")!
      #expect(latest[assessmentID] != first[assessmentID], "the profile changed the assessment")
      let then = try await assessment(["--as-of", between])
      #expect(then == first, "as of \(between): the assessment in force then")

      let detailed = try await server.vetctl([
        "report", "--out", "-", "--format", "json", "--details", "all",
      ])
      #expect(detailed.status == 0, "\(detailed)")
      #expect(detailed.output.contains("\"criteria\":["), "--details adds the assessments")
      let plain = try await server.vetctl(["report", "--out", "-", "--format", "json"])
      #expect(!plain.output.contains("\"criteria\":["))

      let before = try await server.vetctl([
        "report", "--out", "-", "--format", "json", "--as-of", "2001-01-01",
      ])
      #expect(before.status == 0, "\(before)")
      #expect(before.output.contains("\"rows\": [\n]"), "nobody was listed in 2001")
      #expect(before.error.contains("0 providers"))
    }
  }

  @Test func anInterruptedReportLeavesNoFile() async throws {
    try await RunningServer.with(label: "vetctl_report_interrupt") { server in
      let load = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", server.databaseURL, "--providers", "3000"],
        environment: ["PATH": "/usr/bin:/bin"])
      #expect(load.status == 0, "\(load)")
      try await AuditCLI.withDirectory { directory in
        let report = try Spawned.start(
          Binaries.vetctl, ["report", "--out", directory + "/all.html"],
          environment: [
            "VETTING_SERVER": server.address, "VETTING_TOKEN": server.adminToken,
            "PATH": "/usr/bin:/bin",
          ])
        // Interrupt once rows are streaming in (progress printed past 10%).
        let deadline = ContinuousClock.now + .seconds(60)
        while !report.errorSoFar.contains("10%"), ContinuousClock.now < deadline {
          try await Task.sleep(for: .milliseconds(20))
        }
        let streaming = try FileManager.default.contentsOfDirectory(atPath: directory)
        report.signal(SIGINT)
        let outcome = await report.wait()
        #expect(outcome.status == 130, "\(outcome)")
        #expect(outcome.error.contains("interrupted; no report written"), "\(outcome)")
        #expect(streaming.count == 3, "partial, index and sections files while streaming")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
      }
    }
  }

  @Test func failuresHaveTheirExitStatusAndLeaveNoFile() async throws {
    try await RunningServer.with(label: "vetctl_report_errors") { server in
      _ = try await AuditCLI.addClinic(name: "Error Clinic", externalID: "rep-err", on: server)
      let referral = try await AuditCLI.issueToken("referral", name: "ref", on: server)
      try await AuditCLI.withDirectory { directory in
        struct Case {
          var arguments: [String]
          var token: String?
          var status: Int32
          var message: String
        }
        let out = directory + "/report.html"
        let cases: [Case] = [
          Case(
            arguments: ["report", "--out", out], token: referral, status: 77,
            message: "permission denied"),
          Case(
            arguments: ["report", "--out", out], token: "pv_wrong", status: 77,
            message: "unauthenticated"),
          Case(
            arguments: ["report", "--out", out, "--flag", "not.a-flag"], status: 65,
            message: "flag"),
          Case(
            arguments: ["report", "--out", out, "--state", "ZZ"], status: 65, message: "state"),
          Case(
            arguments: ["report", "--out", out, "--as-of", "last tuesday"], status: 64,
            message: "--as-of: \"last tuesday\""),
          Case(
            arguments: ["report", "--out", out, "--tier", "great"], status: 64,
            message: "--tier: \"great\""),
          Case(
            arguments: ["report", "--out", directory + "/report.txt"], status: 64,
            message: "--format"),
          Case(
            arguments: ["report", "--out", directory + "/missing/report.csv"], status: 66,
            message: "no such directory"),
          Case(arguments: ["report"], status: 64, message: "--out"),
          Case(
            arguments: [
              "report", "--out", out, "--server", "127.0.0.1:1", "--stream-timeout", "3",
            ], status: 69, message: "unavailable"),
        ]
        for testCase in cases {
          let outcome = try await server.vetctl(testCase.arguments, token: testCase.token)
          #expect(outcome.status == testCase.status, "\(testCase.arguments): \(outcome)")
          #expect(outcome.error.contains(testCase.message), "\(testCase.arguments): \(outcome)")
          #expect(outcome.output.isEmpty, "\(testCase.arguments): nothing on standard output")
          #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty,
            "\(testCase.arguments): no file left behind")
        }
      }
    }
  }
}
