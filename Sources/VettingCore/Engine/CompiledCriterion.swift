/// The parts of a ``Criterion`` the engine reads on every assessment.
struct CompiledCriterion: Sendable {
  let id: String
  let area: Area
  let possibleHundredths: Int
  let points: Int
  let mask: UInt8
  let applicability: Applicability
  let evaluate: @Sendable (EvaluationContext) -> Evaluation

  init(_ criterion: Criterion) {
    id = criterion.id
    area = criterion.area
    points = criterion.points
    possibleHundredths = criterion.points * 100
    mask = criterion.applicability.bit
    applicability = criterion.applicability
    evaluate = criterion.evaluate
  }
}
