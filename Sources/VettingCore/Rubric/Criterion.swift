/// One thing the rubric checks, worth points when the evidence shows it.
public struct Criterion: Sendable {
  /// Stable identifier, `area.name` (e.g. `screening.psychiatric-evaluation`).
  public let id: String
  /// The area it counts towards.
  public let area: Area
  /// Points when fully met with full-credit evidence.
  public let points: Int
  /// What the provider must do, in one sentence.
  public let requirement: String
  /// What evidence proves it.
  public let evidence: String
  /// What it rests on.
  public let sources: [Source]
  /// When it counts.
  public let applicability: Applicability
  /// Reads the facts and returns the credit earned and the facts used.
  let evaluate: @Sendable (EvaluationContext) -> Evaluation

  /// Creates a criterion.
  public init(
    id: String, area: Area, points: Int, requirement: String, evidence: String,
    sources: [Source], applicability: Applicability = .always,
    evaluate: @escaping @Sendable (EvaluationContext) -> Evaluation
  ) {
    self.id = id
    self.area = area
    self.points = points
    self.requirement = requirement
    self.evidence = evidence
    self.sources = sources
    self.applicability = applicability
    self.evaluate = evaluate
  }
}
