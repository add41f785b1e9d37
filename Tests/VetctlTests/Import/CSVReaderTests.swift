import Testing

@testable import VetctlCore

/// The CSV reader keeps line numbers and marks malformed records instead of failing the file.
@Suite struct CSVReaderTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var text: String
    var records: [CSVRecord]
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "plain", text: "a,b\n1,2\n",
      records: [
        CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"]),
      ]),
    Case(
      name: "quoted comma, doubled quote, CRLF", text: "\"x,y\",\"say \"\"hi\"\"\"\r\nz,\r\n",
      records: [
        CSVRecord(line: 1, fields: ["x,y", "say \"hi\""]), CSVRecord(line: 2, fields: ["z", ""]),
      ]),
    Case(
      name: "line break inside quotes keeps the next record's line", text: "\"a\nb\",c\nd,e",
      records: [
        CSVRecord(line: 1, fields: ["a\nb", "c"]), CSVRecord(line: 3, fields: ["d", "e"]),
      ]),
    Case(
      name: "blank lines are skipped", text: "a\n\n\nb\n",
      records: [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 4, fields: ["b"])]),
    Case(
      name: "stray quote", text: "ab\"c,d\n",
      records: [
        CSVRecord(
          line: 1, fields: ["abc", "d"],
          malformed:
            "a quote (\") inside an unquoted field; quote the whole field and double the quote")
      ]),
    Case(
      name: "text after a closing quote", text: "\"ab\"c,d\n",
      records: [
        CSVRecord(line: 1, fields: ["abc", "d"], malformed: "text after a closing quote")
      ]),
    Case(
      name: "unterminated quote", text: "x\n\"open,\n",
      records: [
        CSVRecord(line: 1, fields: ["x"]),
        CSVRecord(
          line: 2, fields: ["open,\n"],
          malformed: "a quoted field is not closed before the end of the file"),
      ]),
  ]

  @Test(arguments: cases) func reads(_ testCase: Case) {
    #expect(CSVReader.records(testCase.text) == testCase.records)
  }
}
