import VettingCore

/// A KAP training, as staff submit it.
public struct TrainingInput: Sendable, Hashable {
  /// The program (``TrainingProgram/other`` for one not on the recognised list).
  public var program: TrainingProgram
  /// The program's own name; required when `program` is `other` (up to 300 characters).
  public var programName: String?
  /// Contact hours (0–100,000).
  public var hours: Int
  /// When it was completed; `nil` while in progress.
  public var completedOn: Day?
  /// Where the facts come from.
  public var provenance: Provenance
  /// When the certificate lapses, if it does.
  public var expiresOn: Day?

  /// Creates a training.
  public init(
    program: TrainingProgram, programName: String? = nil, hours: Int, completedOn: Day?,
    provenance: Provenance = .selfReported, expiresOn: Day? = nil
  ) {
    self.program = program
    self.programName = programName
    self.hours = hours
    self.completedOn = completedOn
    self.provenance = provenance
    self.expiresOn = expiresOn
  }
}
