/// One line of a rubric version's "changes from" table: what changed for a criterion or flag
/// (or what a review kept), why, and the sources that justify it.
public struct RubricChange: Sendable {
  /// Whether the line is about a criterion, a red flag or a tier of the tier policy.
  public enum Subject: String, Sendable {
    case criterion
    case flag
    case tier
  }

  /// Criterion, flag or tier.
  public let subject: Subject
  /// The criterion's or flag's id, or the tier's name.
  public let id: String
  /// What changed, e.g. "severity major → critical"; for a review that kept it, what was kept.
  public let change: String
  /// Whether verdicts can differ because of it (false: reviewed and kept).
  public let changesVerdicts: Bool
  /// The argument, in a sentence or two.
  public let reason: String
  /// What it rests on.
  public let sources: [Source]

  /// Creates a line.
  public init(
    _ subject: Subject, _ id: String, change: String, changesVerdicts: Bool = true,
    reason: String, sources: [Source]
  ) {
    self.subject = subject
    self.id = id
    self.change = change
    self.changesVerdicts = changesVerdicts
    self.reason = reason
    self.sources = sources
  }
}
