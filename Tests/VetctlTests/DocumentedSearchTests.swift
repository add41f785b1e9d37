import Foundation
import Testing

/// Every `vetctl search` command shown in README.md, docs/*.md and the hints `ops/run` prints,
/// read from those files (so the docs and this test cannot drift), run as typed with bash
/// against a server over the demo directory (`vetctl demo-data`, as `ops/run` loads it), must
/// succeed and find providers.
@Suite("vetctl search examples in the docs", .timeLimit(.minutes(10)))
struct DocumentedSearchTests {
  struct Example: Sendable, CustomTestStringConvertible {
    /// Where it is shown: `README.md:33`.
    var place: String
    /// The command line, from `vetctl search` on, with any leading `VAR=value` assignments.
    var line: String
    var testDescription: String { place }

    /// How many hits its output lists, read in the format the line asks for.
    func hits(in output: String) throws -> Int {
      let format = Self.outputFormat(of: line)
      let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
      switch format {
      case "json":
        let value = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(value as? [Any], "JSON output is not an array").count
      case "id": return lines.count
      default: return max(0, lines.count - 1)  // table and csv: a header line, then one per hit
      }
    }

    static func outputFormat(of line: String) -> String {
      let words = line.split(separator: " ").map(String.init)
      for (index, word) in words.enumerated() {
        if word.hasPrefix("--output=") { return String(word.dropFirst("--output=".count)) }
        if word == "-o" || word == "--output", index + 1 < words.count { return words[index + 1] }
      }
      return "table"
    }
  }

  /// The files whose examples must work.
  static var documents: [String] {
    let docs = Binaries.packageRoot + "/docs"
    let markdown = ((try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? [])
      .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    return ["README.md"] + markdown + ["ops/run"]
  }

  /// Each line (after its indentation) that is a `vetctl search` command, optionally preceded
  /// by environment assignments; a trailing `# comment` is dropped.
  static var examples: [Example] {
    let assignment = #/^([A-Z_][A-Z0-9_]*=\S*\s+)*vetctl search(\s|$)/#
    var found: [Example] = []
    for document in documents {
      guard
        let text = try? String(
          contentsOfFile: Binaries.packageRoot + "/" + document, encoding: .utf8)
      else { continue }
      for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        var line = raw.trimmingCharacters(in: .whitespaces)
        guard line.firstMatch(of: assignment) != nil else { continue }
        if let comment = line.range(of: " #") { line = String(line[..<comment.lowerBound]) }
        found.append(
          Example(
            place: "\(document):\(index + 1)", line: line.trimmingCharacters(in: .whitespaces)))
      }
    }
    return found
  }

  @Test("the docs show search examples, and ops/run's first hint is one of them")
  func documented() {
    let examples = Self.examples
    #expect(examples.count >= 5, "\(examples.map(\.place))")
    #expect(examples.contains { $0.place.hasPrefix("README.md") })
    #expect(examples.contains { $0.place.hasPrefix("docs/") })
    #expect(examples.contains { $0.place.hasPrefix("ops/run") && $0.line.contains("48933") })
  }

  @Test("each example runs as typed and finds providers in the demo directory")
  func examplesFindProviders() async throws {
    let examples = Self.examples
    try #require(!examples.isEmpty)
    try await RunningServer.with(label: "doc_search") { server in
      let environment = ["PATH": "/usr/bin:/bin"]
      // The demo directory `ops/run` loads, at a fifth of its default size.
      let load = try await Spawned.run(
        Binaries.vetctl,
        ["demo-data", "--database-url", server.databaseURL, "--providers", "2000"],
        environment: environment)
      try #require(load.status == 0, "\(load)")
      let bootstrap = try await Spawned.run(
        Binaries.vetctl,
        [
          "token", "bootstrap", "--database-url", server.databaseURL, "--name", "docs-referral",
          "--role", "referral", "--output", "csv",
        ], environment: environment)
      let referral = try #require(
        bootstrap.output.split(separator: "\n").last?.split(separator: ",").last.map(String.init),
        "\(bootstrap)")
      for example in examples {
        // As `ops/run` and README.md set it up: the binaries on PATH, the tokens in the
        // environment (README.md's lines name $VETTING_REFERRAL_TOKEN themselves).
        let run = try await Spawned.run(
          "/bin/bash", ["-c", example.line],
          environment: [
            "PATH": Binaries.directory + ":/usr/bin:/bin", "VETTING_SERVER": server.address,
            "VETTING_TOKEN": referral, "VETTING_REFERRAL_TOKEN": referral,
            "VETTING_ADMIN_TOKEN": server.adminToken,
          ])
        #expect(run.status == 0, "\(example.place): \(example.line)\n\(run)")
        guard run.status == 0 else { continue }
        let hits = try example.hits(in: run.output)
        #expect(hits > 0, "\(example.place): \(example.line) found nothing:\n\(run.output)")
      }
    }
  }
}
