import Foundation

/// A stored location.
public struct LocationRecord: Sendable, Hashable {
  /// The location's id.
  public var id: UUID
  /// The clinic or practitioner it belongs to.
  public var providerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as last written.
  public var fields: LocationInput
  /// Optimistic-concurrency version.
  public var version: Int
  /// When it was archived; `nil` while live.
  public var archivedAt: Date?
}
