/// KAP training programs. The named ones are those the reference considers credible.
public enum TrainingProgram: String, Sendable, Hashable, Codable, CaseIterable {
  case polaris = "polaris-insight-center"
  case fluence = "fluence"
  case ciis = "ciis-center-for-psychedelic-therapies"
  case ketamineTrainingCenter = "ketamine-training-center"
  case prati = "prati-integrative-psychiatry-institute"
  case journeyClinical = "journey-clinical"
  case kriya = "kriya-institute"
  /// Any other program; it counts for hours but not as a credible program.
  case other

  /// Whether the program is on the reference's list of credible programs.
  public var isRecognised: Bool { self != .other }
}
