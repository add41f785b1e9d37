import Foundation

/// One record of a batch import (``DirectoryRepository/importProviders(_:dryRun:actor:)``): a
/// clinic or a practitioner with their locations, keyed by the caller's external id.
public struct ProviderImportItem: Sendable, Hashable {
  /// What the record is.
  public enum Record: Sendable, Hashable {
    /// A clinic; its locations are keyed `<external id>/locations/<index>`, as `CreateClinic`
    /// keys them.
    case clinic(ClinicInput, locations: [LocationInput])
    /// A practitioner, with their own locations (a solo practice's offices), keyed as a
    /// clinic's are.
    case practitioner(PractitionerInput, locations: [LocationInput] = [])
  }

  /// The caller's stable key: the import creates the record when no live record of the same
  /// kind has it, and updates that record otherwise.
  public var externalID: String
  /// The server id the caller believes `externalID` names; checked when given.
  public var id: UUID?
  /// The record's fields.
  public var record: Record

  /// Creates an item.
  public init(externalID: String, id: UUID? = nil, record: Record) {
    self.externalID = externalID
    self.id = id
    self.record = record
  }
}
