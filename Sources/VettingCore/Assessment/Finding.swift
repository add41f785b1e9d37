/// What the engine found about a fact. Raw values are stable: they are stored with assessments.
public enum Finding: String, Sendable, Hashable, Codable, CaseIterable {
  /// The fact is affirmed ("yes", or the value in `detail`).
  case affirmed
  /// The fact is recorded as not done ("no", or the value in `detail`).
  case denied
  /// Nothing on record.
  case missing
  /// The evidence lapsed on `date`.
  case expired
  /// `number` meets the minimum `limit`.
  case meetsMinimum = "meets-minimum"
  /// `number` is below the minimum `limit`.
  case belowMinimum = "below-minimum"
  /// `number` is within the maximum `limit`.
  case withinMaximum = "within-maximum"
  /// `number` is above the maximum `limit`.
  case aboveMaximum = "above-maximum"
  /// Something the rubric warns about is present (named in `detail`).
  case present
  /// The fact's status is `detail` (e.g. a license "revoked").
  case status
  /// The value is malformed (`detail` says how).
  case invalid
  /// The criterion does not apply (`detail` names the scope).
  case notApplicable = "not-applicable"
}
