/// Progress of ``AssessmentRepository/revetAll(actor:progress:)``.
public struct RevetProgress: Sendable, Hashable {
  /// Providers handled so far.
  public var done: Int
  /// Live providers to handle in all.
  public var total: Int
  /// How many got a new assessment (facts, rubric or verdict changed).
  public var rescored: Int
  /// How many changed tier.
  public var tierChanges: Int
  /// How many were left as they were without being re-assessed: their assessment in force was
  /// made today with the scoring version (what lets a stopped run be started again).
  public var skipped: Int

  /// Creates a progress report.
  public init(done: Int, total: Int, rescored: Int, tierChanges: Int, skipped: Int = 0) {
    self.done = done
    self.total = total
    self.rescored = rescored
    self.tierChanges = tierChanges
    self.skipped = skipped
  }
}
