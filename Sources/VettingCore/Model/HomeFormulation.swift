/// What is dispensed for use at home.
public enum HomeFormulation: String, Sendable, Hashable, Codable, CaseIterable {
  /// Sublingual or oral lozenges, troches or tablets.
  case oralLozenge = "oral-lozenge"
  /// Racemic ketamine or esketamine nasal spray taken home.
  case nasalSpray = "nasal-spray"
  /// Intramuscular or intravenous ketamine for self-injection or home infusion.
  case injection
}
