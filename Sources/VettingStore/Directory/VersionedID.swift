import Foundation

/// A record's id and version after a write that returns nothing else (archive).
public struct VersionedID: Sendable, Hashable {
  /// The record's id.
  public var id: UUID
  /// Its version after the write.
  public var version: Int

  /// Creates the pair.
  public init(id: UUID, version: Int) {
    self.id = id
    self.version = version
  }
}
