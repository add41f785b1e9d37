import Foundation

/// A stored life-support certificate.
public struct CertificateRecord: Sendable, Hashable {
  /// The certificate's id.
  public var id: UUID
  /// Whose certificate it is.
  public var practitionerID: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as stored.
  public var fields: CertificateInput
  /// When staff or a registry last confirmed it.
  public var lastVerifiedAt: Date?
  /// Optimistic-concurrency version.
  public var version: Int
}
