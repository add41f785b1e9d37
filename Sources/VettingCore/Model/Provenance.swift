/// Where a fact comes from. It decides how much credit the fact earns (see ``CreditPolicy``).
public enum Provenance: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The provider said so (questionnaire, interview) and nothing else backs it.
  case selfReported = "self-reported"
  /// The provider sent a document (policy, certificate, form) that is on file but not yet checked.
  case documentOnFile = "document-on-file"
  /// Directory staff checked it (called the board, inspected the document, observed the ad).
  case verifiedByStaff = "verified-by-staff"
  /// Read from a public registry (state licensing board, NPPES NPI registry, REMS registry).
  case publicRegistry = "public-registry"

  /// How strong the evidence is, weakest first.
  var strength: Int {
    switch self {
    case .selfReported: return 0
    case .documentOnFile: return 1
    case .verifiedByStaff: return 2
    case .publicRegistry: return 3
    }
  }

  /// A phrase for reasons, e.g. "verified by staff".
  public var phrase: String {
    switch self {
    case .selfReported: return "self-reported"
    case .documentOnFile: return "document on file"
    case .verifiedByStaff: return "verified by staff"
    case .publicRegistry: return "public registry"
    }
  }

  public static func < (lhs: Provenance, rhs: Provenance) -> Bool { lhs.strength < rhs.strength }
}
