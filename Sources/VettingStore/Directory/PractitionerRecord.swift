import Foundation

/// A practitioner as stored, with everything a `GetPractitioner` answer shows.
public struct PractitionerRecord: Sendable, Hashable {
  /// The practitioner's id (also their provider id).
  public var id: UUID
  /// The caller's stable key given at creation.
  public var externalID: String?
  /// The fields as last written.
  public var fields: PractitionerInput
  /// `given_name family_name`, what search matches.
  public var fullName: String
  /// NPI registry status: `unchecked`, `active`, `deactivated` or `not_found`.
  public var npiStatus: String
  /// Optimistic-concurrency version.
  public var version: Int
  /// When the practitioner was created.
  public var createdAt: Date
  /// When they were last changed.
  public var updatedAt: Date
  /// When they were archived; `nil` while live.
  public var archivedAt: Date?
  /// Live locations of their own practice.
  public var locations: [LocationRecord]
  /// Live licenses.
  public var licenses: [LicenseRecord]
  /// Live trainings.
  public var trainings: [TrainingRecord]
  /// Live clinic memberships.
  public var affiliations: [AffiliationRecord]
  /// Their own practice questionnaire (solo listing), if set.
  public var profile: PracticeProfileRecord?
  /// Their solo listing's assessment in force, if assessed.
  public var assessment: AssessmentSummary?
  /// Live life-support certificates.
  public var certificates: [CertificateRecord] = []
  /// Live board certifications.
  public var boardCertifications: [BoardCertificationRecord] = []
  /// Live partners (for a solo practitioner), ended ones included.
  public var partners: [PartnerRecord] = []
}
