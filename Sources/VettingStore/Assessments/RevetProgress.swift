/// Progress of ``AssessmentRepository/revetAll(actor:asOf:progress:)``.
public struct RevetProgress: Sendable, Hashable {
  /// Providers handled so far.
  public var done: Int
  /// Live providers to handle in all.
  public var total: Int
  /// How many got a new assessment (facts, rubric or verdict changed).
  public var rescored: Int
  /// How many changed tier.
  public var tierChanges: Int

  /// Creates a progress report.
  public init(done: Int, total: Int, rescored: Int, tierChanges: Int) {
    self.done = done
    self.total = total
    self.rescored = rescored
    self.tierChanges = tierChanges
  }
}
