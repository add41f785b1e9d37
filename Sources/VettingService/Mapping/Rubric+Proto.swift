import Foundation
import VettingAPI
import VettingCore

extension Rubric {
  /// The wire rubric: every criterion and flag with its points, evidence and sources, and the
  /// tier policy as the rubric document states it.
  var proto: Vetting_V1_Rubric {
    .with {
      $0.version = version
      $0.criteria = criteria.map { criterion in
        .with {
          $0.id = criterion.id
          $0.area = criterion.area.rawValue
          $0.points = Int32(clamping: criterion.points)
          $0.requirement = criterion.requirement
          $0.evidence = criterion.evidence
          $0.appliesTo = criterion.applicability.phrase
          $0.sources = criterion.sources.map(\.rawValue)
        }
      }
      $0.flags = flags.map { flag in
        .with {
          $0.id = flag.id
          $0.severity = flag.severity.proto
          $0.condition = flag.condition
          $0.sources = flag.sources.map(\.rawValue)
        }
      }
      $0.tiersMarkdown = tiersSection
    }
  }

  /// The "## Tiers" section of the rubric document, so the API and the document never disagree.
  private var tiersSection: String {
    let document = RubricDocument.markdown(for: self)
    guard let start = document.range(of: "## Tiers") else { return "" }
    let rest = document[start.lowerBound...]
    guard
      let end = rest.range(of: "\n## ", range: rest.index(after: rest.startIndex)..<rest.endIndex)
    else { return String(rest) }
    return String(rest[..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
