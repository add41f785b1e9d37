import Foundation

/// A stored clinic–practitioner affiliation (team membership).
public struct AffiliationRecord: Sendable, Hashable {
  /// The affiliation's id.
  public var id: UUID
  /// The clinic.
  public var clinicID: UUID
  /// The clinic's name.
  public var clinicName: String
  /// The practitioner.
  public var practitionerID: UUID
  /// The practitioner's full name.
  public var practitionerName: String
  /// Their role at the clinic.
  public var role: TeamRole
  /// The clinic location they work at, if one.
  public var locationID: UUID?
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// Optimistic-concurrency version.
  public var version: Int
}
