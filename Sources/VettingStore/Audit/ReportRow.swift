import Foundation
import VettingCore

/// One provider in a vetting report.
public struct ReportRow: Sendable, Hashable {
  /// The clinic's or practitioner's id.
  public var providerID: UUID
  /// Clinic or solo practitioner.
  public var kind: ProviderKind
  /// Display name.
  public var name: String
  /// Its primary location (in the report's state, when it has one); `nil` when it has none.
  public var location: ProviderLocation?
  /// The assessment in force at the report's instant; `nil` when there was none.
  public var assessment: ReportedAssessment?

  /// Creates a row.
  public init(
    providerID: UUID, kind: ProviderKind, name: String, location: ProviderLocation?,
    assessment: ReportedAssessment?
  ) {
    self.providerID = providerID
    self.kind = kind
    self.name = name
    self.location = location
    self.assessment = assessment
  }
}
