import Foundation

/// Where a page ended: the sort key of its last hit. The next page starts strictly after it in the
/// query's total order (disqualified or not, sort key, then provider id).
struct PageCursor: Sendable, Hashable, Codable {
  /// The token format this service issues. 2: every order starts with ``disqualified`` (version 1
  /// tokens, from before that order, are refused with a message saying to start again).
  static let currentVersion = 2

  /// Token format version.
  var v: Int = Self.currentVersion
  /// The sort the cursor belongs to.
  var sort: SearchQuery.Sort
  /// Whether the last hit was disqualified (a critical flag): disqualified providers come after
  /// all others in every sort.
  var disqualified: Bool?
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
