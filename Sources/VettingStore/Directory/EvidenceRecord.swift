import Foundation

/// A stored evidence item.
public struct EvidenceRecord: Sendable, Hashable {
  /// The item's id.
  public var id: UUID
  /// The provider it is about.
  public var providerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as stored (provenance, verifier and expiry as last verified).
  public var fields: EvidenceInput
  /// When it was verified.
  public var verifiedAt: Date?
  /// Optimistic-concurrency version.
  public var version: Int
}
