import Foundation

/// A stored board certification.
public struct BoardCertificationRecord: Sendable, Hashable {
  /// The board certification's id.
  public var id: UUID
  /// Whose certification it is.
  public var practitionerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as stored.
  public var fields: BoardCertificationInput
  /// When staff or a registry last confirmed it.
  public var lastVerifiedAt: Date?
  /// Optimistic-concurrency version.
  public var version: Int
}
