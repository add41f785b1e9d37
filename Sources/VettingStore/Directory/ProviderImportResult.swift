import Foundation

/// What a batch import did with one ``ProviderImportItem``.
public struct ProviderImportResult: Sendable, Hashable {
  /// The outcome of one record.
  public enum Outcome: Sendable, Hashable {
    /// No live record of the kind had the external id: it was created.
    case created
    /// The record existed with other fields (or locations): they were replaced.
    case updated
    /// The record existed exactly so: nothing was written.
    case unchanged
    /// Nothing of the record was written; the error says why, naming the field when there is
    /// one (``StoreError/field``).
    case rejected(StoreError)
  }

  /// The outcome.
  public var outcome: Outcome
  /// The record's id (not for a rejection).
  public var id: UUID?
  /// The record's version after the batch (not for a rejection).
  public var version: Int?

  /// Creates a result.
  public init(outcome: Outcome, id: UUID? = nil, version: Int? = nil) {
    self.outcome = outcome
    self.id = id
    self.version = version
  }

  /// A rejection.
  public static func rejected(_ error: StoreError) -> Self { Self(outcome: .rejected(error)) }
}
