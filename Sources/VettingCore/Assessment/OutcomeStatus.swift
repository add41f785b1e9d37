/// How a criterion came out.
public enum OutcomeStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Full points: met with full-credit evidence.
  case met
  /// Some points: met, but the evidence is only self-reported or a document on file.
  case partlyMet = "partly-met"
  /// No points: not done, not on record, or the evidence expired.
  case notMet = "not-met"
  /// Does not count towards the score for this provider.
  case notApplicable = "not-applicable"

  /// The status for a credit percent.
  @inlinable
  public init(credit: UInt8) {
    self = credit >= 100 ? .met : credit == 0 ? .notMet : .partlyMet
  }
}
