import Foundation

/// A stored outside partner of a clinic or solo practitioner.
public struct PartnerRecord: Sendable, Hashable {
  /// The partner row's id.
  public var id: UUID
  /// The provider (clinic or solo practitioner) the partner works with.
  public var providerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as stored.
  public var fields: PartnerInput
  /// Optimistic-concurrency version.
  public var version: Int
}
