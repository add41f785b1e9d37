/// A warning sign, raised when its condition holds.
public struct RedFlag: Sendable {
  /// Stable identifier (e.g. `licensure.license-revoked-or-suspended`).
  public let id: String
  /// How serious it is.
  public let severity: Severity
  /// The condition, in one sentence.
  public let condition: String
  /// What it rests on.
  public let sources: [Source]
  /// When it is checked.
  public let applicability: Applicability
  /// Returns the facts that raise the flag, or `nil` when it is not raised.
  let check: @Sendable (EvaluationContext) -> Basis?

  /// Creates a flag.
  public init(
    id: String, severity: Severity, condition: String, sources: [Source],
    applicability: Applicability = .always,
    check: @escaping @Sendable (EvaluationContext) -> Basis?
  ) {
    self.id = id
    self.severity = severity
    self.condition = condition
    self.sources = sources
    self.applicability = applicability
    self.check = check
  }
}
