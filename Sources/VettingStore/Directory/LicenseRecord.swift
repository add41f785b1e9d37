import Foundation

/// A stored license.
public struct LicenseRecord: Sendable, Hashable {
  /// The license's id.
  public var id: UUID
  /// Whose license it is.
  public var practitionerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as stored.
  public var fields: LicenseInput
  /// When staff or a registry last confirmed it.
  public var lastVerifiedAt: Date?
  /// Optimistic-concurrency version.
  public var version: Int
}
