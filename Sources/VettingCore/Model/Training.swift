/// A completed (or claimed) ketamine-assisted therapy training.
public struct Training: Sendable, Hashable, Codable {
  /// The program.
  public var program: TrainingProgram
  /// Contact hours.
  public var hours: Int
  /// When it was completed; `nil` when still in progress.
  public var completed: Day?
  /// Where the training facts come from (certificate on file, verified with the program...).
  public var provenance: Provenance
  /// When the certificate lapses, if it does.
  public var expires: Day?

  /// Creates a training record.
  public init(
    program: TrainingProgram, hours: Int, completed: Day?, provenance: Provenance,
    expires: Day? = nil
  ) {
    self.program = program
    self.hours = hours
    self.completed = completed
    self.provenance = provenance
    self.expires = expires
  }
}
