/// A criterion's raw result: percent of its points earned and the facts used.
public struct Evaluation: Sendable, Hashable {
  /// Percent of the criterion's points earned, 0...100.
  public var credit: UInt8
  /// The facts used.
  public var basis: Basis

  /// Creates an evaluation.
  @inlinable
  public init(credit: UInt8, basis: Basis) {
    self.credit = credit
    self.basis = basis
  }

  /// No credit, for the given reason.
  @inlinable
  public static func none(_ basis: Basis) -> Evaluation { Evaluation(credit: 0, basis: basis) }
}
