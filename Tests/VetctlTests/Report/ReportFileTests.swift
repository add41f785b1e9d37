import Foundation
import Testing
import VettingAPI

@testable import VetctlCore

/// The CSV and JSON reports as written by their writers, and the target's promise that a
/// failed report leaves nothing behind.
@Suite struct ReportFileTests {
  @Test func csvCellsFlattenARow() {
    let cells = ReportCSV.cells(ReportFixtures.assessedRow())
    #expect(cells.count == ReportCSV.columns.count)
    let byColumn = Dictionary(uniqueKeysWithValues: zip(ReportCSV.columns, cells))
    #expect(byColumn["kind"] == "clinic")
    #expect(byColumn["assessed"] == "true")
    #expect(byColumn["tier"] == "vetted")
    #expect(byColumn["score"] == "74")
    #expect(byColumn["critical_flags"] == "0")
    #expect(byColumn["major_flags"] == "1")
    #expect(byColumn["flags"] == "integration.no-integration:major")
    #expect(byColumn["areas"] == "licensure:100;at-home-supervision:n/a")
    #expect(byColumn["assessed_at"] == "2025-02-19T21:20:00.123456Z")
    #expect(byColumn["assessment_as_of"] == "2025-02-19")
    #expect(byColumn["rubric_version"] == "2026.1")

    let unassessed = ReportCSV.cells(ReportFixtures.unassessedRow())
    #expect(unassessed.count == ReportCSV.columns.count)
    #expect(unassessed[6] == "false")
    #expect(unassessed[7...].allSatisfy { $0.isEmpty })
  }

  @Test func csvFileIsRFC4180() throws {
    try withDirectory { directory in
      let path = directory + "/report.csv"
      let target = try ReportTarget(path: path)
      let writer = CSVReportWriter(file: try BufferedFile(creating: target.writingPath))
      let hostile = ReportFixtures.assessedRow(name: "Smith, \"Jones\"\r\nand Co")
      try writer.header(.with { $0.totalRows = 2 })
      try writer.row(hostile)
      try writer.row(ReportFixtures.unassessedRow())
      try writer.finish(ReportFixtures.summary())
      try target.commit()
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(
        text
          == CSVText.record(ReportCSV.columns) + CSVText.record(ReportCSV.cells(hostile))
          + CSVText.record(ReportCSV.cells(ReportFixtures.unassessedRow())))
      #expect(text.contains(",\"Smith, \"\"Jones\"\"\r\nand Co\","))
      let records = CSVReader.records(text)
      #expect(records.count == 3)
      #expect(records[1].fields[2] == "Smith, \"Jones\"\r\nand Co", "the name comes back whole")
      #expect(records.allSatisfy { $0.fields.count == ReportCSV.columns.count })
    }
  }

  @Test func jsonFileIsRowsThenSummary() throws {
    try withDirectory { directory in
      let path = directory + "/report.json"
      let target = try ReportTarget(path: path)
      let writer = JSONReportWriter(file: try BufferedFile(creating: target.writingPath))
      try writer.header(.with { $0.totalRows = 2 })
      try writer.row(ReportFixtures.assessedRow(name: "<script>\"x\"</script>"))
      try writer.row(ReportFixtures.unassessedRow())
      try writer.finish(ReportFixtures.summary())
      try target.commit()
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
          as? [String: Any])
      let rows = try #require(object["rows"] as? [[String: Any]])
      #expect(rows.count == 2)
      #expect(rows[0]["name"] as? String == "<script>\"x\"</script>")
      #expect(rows[0]["tier"] as? String == "TIER_VETTED")
      #expect(rows[0]["provider_id"] as? String == "11111111-2222-4333-8444-555555555555")
      let summary = try #require(object["summary"] as? [String: Any])
      #expect(summary["providers"] as? String == "5")
      #expect((summary["score_histogram"] as? [Any])?.count == 10)
    }
  }

  @Test func anEmptyJSONReportIsValid() throws {
    try withDirectory { directory in
      let path = directory + "/empty.json"
      let target = try ReportTarget(path: path)
      let writer = JSONReportWriter(file: try BufferedFile(creating: target.writingPath))
      try writer.header(.init())
      try writer.finish(.init())
      try target.commit()
      let object = try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: path)))
      #expect((object as? [String: Any])?["rows"] as? [Any] != nil)
    }
  }

  @Test func aDiscardedReportLeavesNothing() throws {
    try withDirectory { directory in
      let path = directory + "/report.html"
      try "the previous report".write(toFile: path, atomically: true, encoding: .utf8)
      let target = try ReportTarget(path: path)
      let writer = try HTMLReportWriter(
        file: try BufferedFile(creating: target.writingPath), target: target,
        context: ReportFixtures.context, asOf: "now")
      try writer.row(ReportFixtures.assessedRow())
      target.discard()
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.html"])
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "the previous report")
    }
  }

  @Test func aMissingDirectoryIsNotFound() {
    let error = #expect(throws: VetctlError.self) {
      try ReportTarget(path: "/nonexistent-\(UUID().uuidString)/report.html")
    }
    #expect(error?.status == .notFound)
  }

  private func withDirectory(_ body: (String) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("vetctl-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory.path)
  }
}
