import Testing

@testable import VetctlCore

/// RFC 4180: quoting only where needed, quotes doubled, CRLF after every record.
@Suite struct CSVTextTests {
  struct Case: Sendable, CustomStringConvertible {
    var fields: [String]
    var record: String
    var description: String { fields.joined(separator: "|") }
  }

  static let cases: [Case] = [
    Case(fields: ["a", "b", ""], record: "a,b,\r\n"),
    Case(fields: ["Smith, Jones & Co"], record: "\"Smith, Jones & Co\"\r\n"),
    Case(fields: ["say \"hi\""], record: "\"say \"\"hi\"\"\"\r\n"),
    Case(fields: ["two\nlines", "cr\rhere"], record: "\"two\nlines\",\"cr\rhere\"\r\n"),
    Case(fields: ["crlf\r\n"], record: "\"crlf\r\n\"\r\n"),
    Case(fields: ["<script>", "'single'"], record: "<script>,'single'\r\n"),
  ]

  @Test(arguments: cases) func records(_ testCase: Case) {
    #expect(CSVText.record(testCase.fields) == testCase.record)
  }

  /// What we write, the import's reader reads back field for field.
  @Test(arguments: cases) func roundTripsThroughTheReader(_ testCase: Case) {
    let records = CSVReader.records(CSVText.record(testCase.fields) + CSVText.record(["end"]))
    #expect(records.first?.fields == testCase.fields)
  }
}
