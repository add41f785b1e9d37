/// Keeps the strongest or the weakest of several evaluations without comparing bases (which
/// `Optional == nil` on a Hashable payload would do) or copying them more than once.
struct Pick {
  private(set) var chosen: Evaluation?
  private var credit: Int
  private let strongest: Bool

  /// Keeps the evaluation with the most credit; ties keep the first.
  static func strongest() -> Pick { Pick(chosen: nil, credit: -1, strongest: true) }
  /// Keeps the evaluation with the least credit; ties keep the first.
  static func weakest() -> Pick { Pick(chosen: nil, credit: 256, strongest: false) }

  /// The credit of the evaluation kept so far (-1 or 256 when none).
  var keptCredit: Int { credit }

  @inline(__always)
  mutating func offer(_ evaluation: consuming Evaluation) {
    let offered = Int(evaluation.credit)
    if strongest ? offered > credit : offered < credit {
      credit = offered
      chosen = evaluation
    }
  }
}
