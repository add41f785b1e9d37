import Foundation
import VettingCore

/// A clinic as stored, with everything a `GetClinic` answer shows.
public struct ClinicRecord: Sendable, Hashable {
  /// The clinic's id (also its provider id).
  public var id: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as last written.
  public var fields: ClinicInput
  /// NPI registry status: `unchecked`, `active`, `deactivated` or `not_found`.
  public var npiStatus: String
  /// Optimistic-concurrency version: pass it back as the expected version of an update.
  public var version: Int
  /// When the clinic was created.
  public var createdAt: Date
  /// When it was last changed.
  public var updatedAt: Date
  /// When it was archived; `nil` while live.
  public var archivedAt: Date?
  /// Live locations, primary first.
  public var locations: [LocationRecord]
  /// Live team memberships (practitioners affiliated with the clinic).
  public var affiliations: [AffiliationRecord]
  /// The practice questionnaire, if one was set.
  public var profile: PracticeProfileRecord?
  /// The assessment in force, if the clinic was ever assessed.
  public var assessment: AssessmentSummary?
  /// Live partners, ended ones included.
  public var partners: [PartnerRecord] = []
}
