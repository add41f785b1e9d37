import Foundation

/// Where a page ended: the sort key of its last hit. The next page starts strictly after it in the
/// query's total order (sort key, then provider id).
struct PageCursor: Sendable, Hashable, Codable {
  /// Token format version.
  var v: Int = 1
  /// The sort the cursor belongs to.
  var sort: SearchQuery.Sort
  /// Hex of the first 16 bytes of ``ValidatedSearch/fingerprint``.
  var query: String
  /// `coalesce(score, -1)` as PostgreSQL prints it (sort by score).
  var score: String?
  /// `lower(name)` (sort by score or name).
  var name: String?
  /// Distance in metres, exactly as float8 returned it (sort by distance).
  var metres: Double?
  /// The last hit's provider id.
  var id: UUID
}
