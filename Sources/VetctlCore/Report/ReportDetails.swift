import ArgumentParser
import Foundation
import VettingAPI

/// Which providers get their full assessment in a report (`--details`): in HTML a section with
/// every criterion, reason and flag; in JSON the row's `detail`. CSV never has it.
///
/// The default is none: a whole-directory HTML report with every provider's criteria inline
/// was about 21 KB per provider (217 MB at 10,000 providers), more than a browser opens.
enum ReportDetails: Equatable, ExpressibleByArgument, CustomStringConvertible {
  case none
  /// Providers with a critical or major flag raised.
  case flagged
  case all
  /// The providers with these ids.
  case providers(Set<String>)

  init?(argument: String) {
    switch argument {
    case "none": self = .none
    case "flagged": self = .flagged
    case "all": self = .all
    default:
      let ids = argument.split(separator: ",", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      guard ids.allSatisfy({ UUID(uuidString: $0) != nil }) else { return nil }
      self = .providers(Set(ids))
    }
  }

  var description: String {
    switch self {
    case .none: return "none"
    case .flagged: return "flagged"
    case .all: return "all"
    case .providers(let ids): return ids.sorted().joined(separator: ",")
    }
  }

  static var defaultCompletionKind: CompletionKind { .list(["none", "flagged", "all"]) }

  /// Whether the server must send each row's full assessment.
  var needsAssessments: Bool { self != .none }

  /// Whether `row` gets its full assessment.
  func includes(_ row: Vetting_V1_ReportRow) -> Bool {
    switch self {
    case .none: return false
    case .all: return true
    case .flagged:
      return row.assessed
        && row.flags.contains { $0.severity == .critical || $0.severity == .major }
    case .providers(let ids): return ids.contains(row.providerID.lowercased())
    }
  }
}
