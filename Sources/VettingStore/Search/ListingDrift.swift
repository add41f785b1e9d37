public import Foundation
public import LibPQ

/// A listed provider whose read-model rows (migration 0010) differ from what the source tables
/// say: the result of ``check(on:)``.
///
/// The listings are written by triggers in the same transaction as every write to the tables they
/// mirror, so a check finds nothing unless something bypassed them (triggers disabled, rows edited
/// by hand). `refresh_listings(ARRAY[...]::uuid[])` rewrites the named providers' rows.
public struct ListingDrift: Sendable, Hashable, CustomStringConvertible {
  /// Which table differs: `provider_listings`, `listing_names` or `listing_places`.
  public var relation: String
  /// The provider whose rows differ (missing, extra or with other values).
  public var providerID: UUID

  public init(relation: String, providerID: UUID) {
    self.relation = relation
    self.providerID = providerID
  }

  public var description: String { "\(relation) \(providerID)" }

  /// Compares every listing table with its source view (`listing_drift()`, one statement, so one
  /// snapshot) and returns each provider that differs, by table then id; empty when they agree.
  /// Reads the whole directory: seconds at 100,000 providers.
  ///
  /// - Throws: ``PostgresError``.
  public static func check(on connection: Connection) async throws -> [ListingDrift] {
    try await connection.query("SELECT relation, provider_id FROM listing_drift()").map { row in
      ListingDrift(
        relation: try row.decode(String.self, at: 0), providerID: try row.decode(UUID.self, at: 1))
    }
  }
}
