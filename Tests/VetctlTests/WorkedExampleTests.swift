import Foundation
import SwiftProtobuf
import Testing
import VettingAPI

/// The worked examples of docs/ONBOARDING.md, run exactly as documented (each script under
/// docs/examples/shapes, with `vetctl` on the PATH) against a real server, and checked against
/// the outcome the script states on its `# expect:` line. The docs cannot drift from the product.
@Suite("Worked examples in docs/ONBOARDING.md")
struct WorkedExampleTests {
  struct Example: Sendable, CustomTestStringConvertible {
    var path: String
    var testDescription: String { URL(fileURLWithPath: path).lastPathComponent }
  }

  static let directory = Binaries.packageRoot + "/docs/examples/shapes"

  static var examples: [Example] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0.hasSuffix(".sh") }.sorted().map { Example(path: directory + "/" + $0) }
  }

  /// The outcome a script promises: `# expect: tier=vetted score=72 flags=a,b`.
  struct Expectation: Equatable, CustomStringConvertible {
    var tier: String
    var score: Int32
    var flags: [String]
    var description: String { "tier=\(tier) score=\(score) flags=\(flags.joined(separator: ","))" }

    init(tier: String, score: Int32, flags: [String]) {
      self.tier = tier
      self.score = score
      self.flags = flags
    }

    init?(script: String) {
      guard
        let line = script.split(separator: "\n").first(where: { $0.hasPrefix("# expect: ") })
      else { return nil }
      var fields: [String: String] = [:]
      for pair in line.dropFirst("# expect: ".count).split(separator: " ") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        fields[parts[0]] = parts.count > 1 ? parts[1] : ""
      }
      guard let tier = fields["tier"], let score = fields["score"].flatMap({ Int32($0) }) else {
        return nil
      }
      self.init(
        tier: tier, score: score,
        flags: (fields["flags"] ?? "").split(separator: ",").map(String.init))
    }
  }

  @Test("there are worked examples, and ONBOARDING.md shows each one verbatim")
  func documented() throws {
    #expect(Self.examples.count >= 4)
    let guide = try String(
      contentsOfFile: Binaries.packageRoot + "/docs/ONBOARDING.md", encoding: .utf8)
    for example in Self.examples {
      let script = try String(contentsOfFile: example.path, encoding: .utf8)
      #expect(guide.contains(script), "docs/ONBOARDING.md does not show \(example.path) verbatim")
      #expect(Expectation(script: script) != nil, "\(example.path) has no # expect: line")
    }
  }

  @Test(
    "each example, run as documented, gets the tier, score and flags it states",
    arguments: examples)
  func runsAsDocumented(_ example: Example) async throws {
    let script = try String(contentsOfFile: example.path, encoding: .utf8)
    let expected = try #require(Expectation(script: script))
    try await RunningServer.with(label: "example") { server in
      let environment = [
        "VETTING_SERVER": server.address, "VETTING_TOKEN": server.adminToken,
        "PATH": Binaries.directory + ":/usr/bin:/bin",
      ]
      let run = try await Spawned.run("/bin/bash", [example.path], environment: environment)
      try #require(run.status == 0, "\(run)")
      let id = try #require(run.output.split(separator: "\n").last.map(String.init))
      let shown = try await server.vetctl(["show-assessment", id, "--output", "json"])
      try #require(shown.status == 0, "\(shown)")
      let assessment = try Vetting_V1_Assessment(jsonString: shown.output)
      let actual = Expectation(
        tier: Self.name(assessment.tier), score: assessment.score,
        flags: assessment.flags.map(\.flagID).sorted())
      #expect(actual == expected, "\(example.testDescription): got \(actual)")
    }
  }

  /// `vetted`, `not-vetted`: how the CLI and the docs spell a tier.
  static func name(_ tier: Vetting_V1_Tier) -> String {
    switch tier {
    case .recommended: "recommended"
    case .vetted: "vetted"
    case .conditional: "conditional"
    case .notVetted: "not-vetted"
    default: "unspecified"
    }
  }
}
