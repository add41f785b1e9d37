/// How ketamine reaches the patient. The routes decide which rubric criteria apply.
public enum Route: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Intravenous infusion in the office.
  case intravenous = "iv"
  /// Intramuscular injection in the office.
  case intramuscular = "im"
  /// Sublingual or oral lozenge (troche) taken in the office.
  case lozengeInOffice = "sublingual-lozenge"
  /// Intranasal esketamine (Spravato) under the FDA REMS.
  case esketamineREMS = "intranasal-esketamine"
  /// Prescribed for use at home.
  case atHome = "at-home"

  /// Whether the dose is taken on the provider's premises.
  public var dosesOnSite: Bool { self != .atHome }

  /// Whether the route is an injection (IV or IM).
  public var isInjection: Bool { self == .intravenous || self == .intramuscular }

  public static func < (lhs: Route, rhs: Route) -> Bool { lhs.rawValue < rhs.rawValue }
}
