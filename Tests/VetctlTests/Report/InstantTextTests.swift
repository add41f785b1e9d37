import SwiftProtobuf
import Testing

@testable import VetctlCore

/// Days and instants on the command line: exact both ways, zones required, mistakes named.
@Suite struct InstantTextTests {
  struct Case: Sendable, CustomStringConvertible {
    var text: String
    var meaning: InstantText.DayMeaning
    var seconds: Int64
    var nanos: Int32
    var description: String { text }
  }

  static let cases: [Case] = [
    Case(text: "2025-03-31", meaning: .start, seconds: 1_743_379_200, nanos: 0),
    Case(text: "2025-03-31", meaning: .end, seconds: 1_743_465_599, nanos: 999_999_000),
    Case(text: "2025-03-31T12:00:00Z", meaning: .end, seconds: 1_743_422_400, nanos: 0),
    Case(text: "2025-03-31 12:00Z", meaning: .end, seconds: 1_743_422_400, nanos: 0),
    Case(text: "2025-03-31T14:00:00+02:00", meaning: .end, seconds: 1_743_422_400, nanos: 0),
    Case(text: "2025-03-31T07:30:00-0430", meaning: .end, seconds: 1_743_422_400, nanos: 0),
    Case(
      text: "2025-03-31T12:00:00.123456Z", meaning: .end, seconds: 1_743_422_400,
      nanos: 123_456_000),
    Case(text: "2024-02-29", meaning: .start, seconds: 1_709_164_800, nanos: 0),
  ]

  @Test(arguments: cases) func parses(_ testCase: Case) throws {
    let timestamp = try InstantText.parse(testCase.text, option: "--as-of", day: testCase.meaning)
    #expect(timestamp.seconds == testCase.seconds)
    #expect(timestamp.nanos == testCase.nanos)
  }

  @Test(arguments: [
    ("2025-13-01", "neither a day"), ("2025-04-31", "not a day of the calendar"),
    ("2025-03-31T12:00:00", "has no zone"), ("2025-03-31T25:00Z", "neither a day"),
    ("yesterday", "neither a day"), ("2025-03-31T12:00:00Zjunk", "neither a day"),
  ])
  func refuses(_ text: String, _ message: String) {
    let error = #expect(throws: VetctlError.self) {
      try InstantText.parse(text, option: "--as-of", day: .end)
    }
    #expect(error?.status == .usage)
    #expect(error?.message.hasPrefix("--as-of") == true)
    #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
  }

  @Test func formatsExactlyAndRoundTrips() throws {
    let instants = [
      Google_Protobuf_Timestamp(seconds: 1_743_422_400, nanos: 0),
      Google_Protobuf_Timestamp(seconds: 1_743_422_400, nanos: 120_000_000),
      Google_Protobuf_Timestamp(seconds: 1_743_422_400, nanos: 123_456_000),
      Google_Protobuf_Timestamp(seconds: 1_743_422_400, nanos: 123_456_789),
    ]
    let texts = instants.map { InstantText.format($0, isSet: true) }
    #expect(
      texts == [
        "2025-03-31T12:00:00Z", "2025-03-31T12:00:00.120Z", "2025-03-31T12:00:00.123456Z",
        "2025-03-31T12:00:00.123456789Z",
      ])
    for (text, instant) in zip(texts, instants) {
      #expect(try InstantText.parse(text, option: "--as-of", day: .end) == instant)
    }
    #expect(InstantText.format(instants[0], isSet: false) == "")
  }
}
