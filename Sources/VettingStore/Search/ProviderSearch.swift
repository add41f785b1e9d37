import Foundation
import LibPQ
import VettingCore

/// Searches the directory: the storage side of `vetting.v1.Directory/SearchProviders`.
///
/// Each call runs one parameterised `SELECT` of the listings read model (migration 0010; two
/// when ``SearchQuery/near`` names a postal code: its centre is looked up first in the ZIP
/// centroid table, see ``PostalCodeCentre``) on a pooled connection. Pages are keyset-paged: the
/// page token holds the last hit's sort key and id, so a page costs the same wherever it is in
/// the list, and rows inserted or changed between pages never make a page repeat or skip a provider
/// that was there all along (a new provider shows up if it sorts after the cursor).
///
/// ```swift
/// let search = ProviderSearch(pool: pool, pageTokenKey: secretFromConfig)
/// var query = SearchQuery()
/// query.state = "MI"
/// query.conditions = ["depression"]
/// var page = try await search.search(query)
/// while let next = page.nextPageToken {
///   query.pageToken = next
///   page = try await search.search(query)
/// }
/// ```
///
/// The query shapes and their plans are in `docs/SEARCH.md`.
public struct ProviderSearch: Sendable {
  /// Where queries run.
  public let pool: ConnectionPool
  private let tokens: PageTokenCodec
  let reading: Reading

  /// What a search reads: the listings read model (migration 0010), or, for the tests that prove
  /// the two agree, the source tables as before it (``SourceSearchStatement``).
  enum Reading: Sendable {
    case listings
    case sourceTables
  }

  /// Creates a search over `pool`.
  ///
  /// - Parameter pageTokenKey: the HMAC key that signs page tokens (any length; 32 random bytes
  ///   is right). Servers that share traffic must share the key so a token from one is accepted
  ///   by another. `nil` makes a random key: tokens are then valid only for this instance.
  public init(pool: ConnectionPool, pageTokenKey: Data? = nil) {
    self.init(pool: pool, pageTokenKey: pageTokenKey, reading: .listings)
  }

  init(pool: ConnectionPool, pageTokenKey: Data?, reading: Reading) {
    self.pool = pool
    self.tokens = PageTokenCodec(key: pageTokenKey)
    self.reading = reading
  }

  /// The SQL and parameters of one page of `search`.
  private func statement(
    _ search: ValidatedSearch, centre: SearchStatement.Centre?, after cursor: PageCursor?
  ) -> (sql: String, parameters: [any PostgresEncodable]) {
    switch reading {
    case .listings:
      let statement = SearchStatement(
        search, centre: centre, after: cursor, limit: search.pageSize + 1)
      return (statement.sql, statement.parameters)
    case .sourceTables:
      let statement = SourceSearchStatement(
        search, centre: centre, after: cursor, limit: search.pageSize + 1)
      return (statement.sql, statement.parameters)
    }
  }

  /// One page of providers matching `query`.
  ///
  /// - Throws: ``StoreError`` with ``StoreError/Code/invalidArgument`` and the field
  ///   (`text`, `state`, `city`, `postal_code`, `near.point.latitude`, `near.point.longitude`,
  ///   `near.postal_code`, `near.radius`, `conditions`, `insurance`, `telehealth_state`,
  ///   `min_score`, `sort`, `page_size`, `page_token`) for bad input, before touching the
  ///   database; ``StoreError/Code/unavailable`` when the database cannot be reached; otherwise
  ///   `CancellationError` or the ``PostgresError``.
  public func search(_ query: SearchQuery) async throws -> SearchPage {
    let search = try ValidatedSearch(query)
    let cursor = try query.pageToken.flatMap { token throws(StoreError) -> PageCursor? in
      token.isEmpty ? nil : try tokens.decode(token, for: search)
    }
    return try await Self.mappingErrors {
      try await pool.withConnection { connection in
        let centre = try await Self.centre(of: search, on: connection)
        let statement = statement(search, centre: centre, after: cursor)
        let rows = try await connection.query(statement.sql, statement.parameters)
        var hits: [SearchHit] = []
        var last: PageCursor?
        for row in rows.prefix(search.pageSize) {
          let (hit, key) = try Self.decode(row, search: search)
          hits.append(hit)
          last = key
        }
        let next = rows.count > search.pageSize ? last.map(tokens.encode) : nil
        return SearchPage(hits: hits, nextPageToken: next)
      }
    }
  }

  /// The plan PostgreSQL chooses for `query` (`EXPLAIN`, text format), for `docs/SEARCH.md` and
  /// for checking index use. With `analyze` the query runs (`EXPLAIN (ANALYZE, BUFFERS)`).
  ///
  /// - Throws: as ``search(_:)``.
  public func explain(_ query: SearchQuery, analyze: Bool = false) async throws -> String {
    let search = try ValidatedSearch(query)
    let cursor = try query.pageToken.flatMap { token throws(StoreError) -> PageCursor? in
      token.isEmpty ? nil : try tokens.decode(token, for: search)
    }
    return try await Self.mappingErrors {
      try await pool.withConnection { connection in
        let centre = try await Self.centre(of: search, on: connection)
        let statement = statement(search, centre: centre, after: cursor)
        let prefix = analyze ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " : "EXPLAIN (COSTS OFF) "
        let rows = try await connection.query(prefix + statement.sql, statement.parameters)
        return try rows.map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
      }
    }
  }

  /// The centre of a `near.postal_code` search for `postalCode` (`12345` or `12345-6789`):
  /// the ZIP's row of the ZIP centroid table, or for a ZIP the table lacks the mean of the
  /// directory's own locations with it (``PostalCodeCentre``).
  ///
  /// - Throws: ``StoreError`` `invalidArgument` naming `near.postal_code` for a malformed ZIP or
  ///   one neither knows; ``StoreError/Code/unavailable`` when the database cannot be reached.
  public func centre(ofPostalCode postalCode: String) async throws -> PostalCodeCentre {
    var query = SearchQuery()
    query.near = .init(origin: .postalCode(postalCode), radius: 1)
    guard case .postalCode(let zip5) = try ValidatedSearch(query).origin else {
      throw StoreError(code: .internal, message: "a postal-code origin did not validate as one")
    }
    return try await Self.mappingErrors {
      try await pool.withConnection { connection in
        try await PostalCodeCentre.find(zip5: zip5, on: connection)
      }
    }
  }

  /// The point and radius of `near`, a postal code replaced by its centre.
  private static func centre(
    of search: ValidatedSearch, on connection: Connection
  ) async throws -> SearchStatement.Centre? {
    guard let origin = search.origin, let metres = search.radiusMetres else { return nil }
    switch origin {
    case .point(let point):
      return .init(latitude: point.latitude, longitude: point.longitude, metres: metres)
    case .postalCode(let zip5):
      let centre = try await PostalCodeCentre.find(zip5: zip5, on: connection)
      return .init(latitude: centre.latitude, longitude: centre.longitude, metres: metres)
    }
  }

  private static func decode(
    _ row: PostgresRow, search: ValidatedSearch
  ) throws -> (SearchHit, PageCursor) {
    let id = try row.decode(UUID.self, at: 0)
    let kindText = try row.decode(String.self, at: 1)
    guard let kind = ProviderKind(rawValue: kindText) else {
      throw StoreError(code: .internal, message: "search returned an unknown kind \(kindText)")
    }
    var hit = SearchHit(
      providerID: id, kind: kind, name: try row.decode(String.self, at: 2),
      city: try row.decode(String?.self, at: 4), state: try row.decode(String?.self, at: 5),
      postalCode: try row.decode(String?.self, at: 6))
    let metres = try row.decode(Double?.self, at: 7)
    hit.distance = metres.map { $0 / search.unit.metres }
    if let assessmentID = try row.decode(UUID?.self, at: 8) {
      let tierText = try row.decode(String.self, at: 11)
      guard let tier = SearchVocabulary.tier(databaseValue: tierText) else {
        throw StoreError(
          code: .internal, message: "assessment \(assessmentID) has an unknown tier \(tierText)")
      }
      hit.assessment = SearchHit.Assessment(
        id: assessmentID, rubricVersion: try row.decode(String.self, at: 9),
        score: try row.decode(Decimal.self, at: 10), tier: tier,
        criticalFlags: try row.decode(Int.self, at: 12),
        majorFlags: try row.decode(Int.self, at: 13),
        minorFlags: try row.decode(Int.self, at: 14), assessedAt: try row.decode(Date.self, at: 15),
        completeness: try row.decode(Int?.self, at: 19), openItems: try row.decode(Int.self, at: 20)
      )
    }
    // Stored as a text array in alphabetical order; hand them back in declaration order (the
    // order of the API's enum), which is how every other response lists routes.
    let stored = Set(try row.decode([String].self, at: 16).compactMap(SearchVocabulary.route))
    hit.routes = Route.allCases.filter(stored.contains)
    hit.acceptingNewPatients = try row.decode(Bool.self, at: 17)
    let cursor = PageCursor(
      sort: search.sort, disqualified: hit.assessment?.isDisqualified ?? false,
      query: PageTokenCodec.queryTag(search),
      score: search.sort == .score ? try row.decode(String.self, at: 18) : nil,
      name: search.sort == .distance ? nil : try row.decode(String.self, at: 3),
      metres: search.sort == .distance ? metres : nil, id: id)
    return (hit, cursor)
  }

  /// Connection failures become ``StoreError/Code/unavailable``; the rest pass through.
  static func mappingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as PostgresError
      where [
        .connectionFailed, .connectionLost, .connectionClosed, .poolTimeout, .poolClosed,
        .authenticationFailed,
      ]
      .contains(error.code)
    {
      throw StoreError(
        code: .unavailable, message: "the database is unavailable: \(error.message)",
        underlying: error)
    }
  }
}
