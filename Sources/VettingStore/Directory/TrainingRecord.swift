import Foundation

/// A stored training.
public struct TrainingRecord: Sendable, Hashable {
  /// The training's id.
  public var id: UUID
  /// Whose training it is.
  public var practitionerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as stored.
  public var fields: TrainingInput
  /// Optimistic-concurrency version.
  public var version: Int
}
