/// The rubric's areas, in the order they are reported.
public enum Area: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case licensure
  case training
  case screening
  case integration
  case medicalSafety = "medical-safety"
  case atHomeSupervision = "at-home-supervision"
  case ethicsAndMarketing = "ethics-and-marketing"

  /// A heading for documents.
  public var title: String {
    switch self {
    case .licensure: return "Licensure"
    case .training: return "Training"
    case .screening: return "Screening"
    case .integration: return "Integration"
    case .medicalSafety: return "Medical safety"
    case .atHomeSupervision: return "At-home supervision"
    case .ethicsAndMarketing: return "Ethics and marketing"
    }
  }

  /// Position in report order.
  public var index: Int {
    switch self {
    case .licensure: return 0
    case .training: return 1
    case .screening: return 2
    case .integration: return 3
    case .medicalSafety: return 4
    case .atHomeSupervision: return 5
    case .ethicsAndMarketing: return 6
    }
  }

  public static func < (lhs: Area, rhs: Area) -> Bool { lhs.index < rhs.index }
}
