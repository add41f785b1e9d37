import Foundation
import Testing
import VettingCore

@Suite("docs/RUBRIC.md is generated from the rubric in code")
struct RubricDocumentTests {
  /// The repository root: this file is Tests/VettingCoreTests/Documentation/<file>.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("the committed docs/RUBRIC.md matches the rubric (regenerate with ops/gen-rubric-doc)")
  func committedDocumentIsCurrent() throws {
    let path = Self.root.appendingPathComponent("docs/RUBRIC.md")
    let committed = try String(contentsOf: path, encoding: .utf8)
    let rendered = RubricDocument.markdown(for: .current)
    #expect(committed == rendered, "docs/RUBRIC.md is stale: run ops/gen-rubric-doc")
  }

  @Test("each other published version has its committed docs/RUBRIC-<version>.md, current")
  func otherVersionsAreDocumented() throws {
    let others = Rubric.all.filter { $0.version != Rubric.current.version }
    #expect(!others.isEmpty)
    for rubric in others {
      let path = Self.root.appendingPathComponent("docs/RUBRIC-\(rubric.version).md")
      let committed = try String(contentsOf: path, encoding: .utf8)
      #expect(
        committed == RubricDocument.markdown(for: rubric),
        "docs/RUBRIC-\(rubric.version).md is stale: run ops/gen-rubric-doc")
      if let revised = rubric.revises {
        #expect(committed.contains("## Changes from \(revised)"))
        for change in rubric.changes {
          #expect(committed.contains("`\(change.id)` | \(change.change) |"), "\(change.id)")
        }
      }
    }
  }

  @Test("the document names every criterion with its points and every flag with its severity")
  func documentIsComplete() {
    let rubric = Rubric.current
    let text = RubricDocument.markdown(for: rubric)
    for criterion in rubric.criteria {
      #expect(text.contains("| `\(criterion.id)` | \(criterion.points) |"), "\(criterion.id)")
    }
    for flag in rubric.flags {
      #expect(text.contains("| `\(flag.id)` |"), "\(flag.id)")
    }
    for source in Source.allCases {
      #expect(text.contains(source.citation.replacingOccurrences(of: "|", with: "\\|")))
    }
    #expect(text.contains("`not-vetted`"))
    #expect(text.contains("| self-reported | 50% |"))
  }
}
