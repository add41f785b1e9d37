import Testing

@testable import VetctlCore

/// Provider names, reasons and ids are data: escaping makes every one of them inert text.
@Suite struct HTMLTextTests {
  struct Case: Sendable, CustomStringConvertible {
    var input: String
    var escaped: String
    var description: String { input }
  }

  static let cases: [Case] = [
    Case(input: "Lakeshore Clinic", escaped: "Lakeshore Clinic"),
    Case(
      input: "<script>alert(\"x\")</script>",
      escaped: "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
    Case(input: "Smith & Sons", escaped: "Smith &amp; Sons"),
    Case(input: "O'Brien \"Ketamine\"", escaped: "O&#39;Brien &quot;Ketamine&quot;"),
    Case(input: "&amp; already", escaped: "&amp;amp; already"),
    Case(input: "\" onmouseover=\"x", escaped: "&quot; onmouseover=&quot;x"),
    Case(input: "bell\u{07}and\u{1B}esc\u{9B}", escaped: "bell\u{FFFD}and\u{FFFD}esc\u{FFFD}"),
    Case(input: "tab\tline\nreturn\r", escaped: "tab\tline\nreturn\r"),
    Case(input: "Zoë — clinic ✓", escaped: "Zoë — clinic ✓"),
  ]

  @Test(arguments: cases) func escapes(_ testCase: Case) {
    #expect(HTMLText.escape(testCase.input) == testCase.escaped)
  }

  @Test func escapedTextHasNoMarkupCharacters() {
    let hostile = String(repeating: "<a href='x'>&\"", count: 2_000)
    let escaped = HTMLText.escape(hostile)
    #expect(!escaped.contains("<"))
    #expect(!escaped.contains(">"))
    #expect(!escaped.contains("\""))
    #expect(!escaped.contains("'"))
  }

  @Test func anchorsKeepOnlyLettersDigitsAndDashes() {
    #expect(
      HTMLText.anchor("p-", "3f1c2d4e-0000-4000-8000-00000000abcd")
        == "p-3f1c2d4e-0000-4000-8000-00000000abcd")
    #expect(HTMLText.anchor("p-", "\"><script>x</script>") == "p-scriptxscript")
  }

  @Test func truncateKeepsShortTextAndMarksCutText() {
    #expect(HTMLText.truncate("short", to: 10) == "short")
    #expect(HTMLText.truncate("abcdefghijkl", to: 5) == "abcd…")
  }
}
