import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingStore

/// A `ProviderSearch` over a pool on the suite's scratch database, closed when `body` ends.
enum SearchDatabase {
  static func withSearch<T>(
    pageTokenKey: Data? = nil, _ body: (ProviderSearch) async throws -> T
  ) async throws -> T {
    let pool = ConnectionPool(
      configuration: try MigratedDatabase.current.configuration,
      options: .init(maximumConnections: 2))
    do {
      let value = try await body(ProviderSearch(pool: pool, pageTokenKey: pageTokenKey))
      await pool.close()
      return value
    } catch {
      await pool.close()
      throw error
    }
  }

  /// Every page of `query`, following the page tokens.
  static func allPages(
    _ query: SearchQuery, _ search: ProviderSearch, between: (Int) async throws -> Void = { _ in }
  ) async throws -> [[SearchHit]] {
    var query = query
    var pages: [[SearchHit]] = []
    while true {
      let page = try await search.search(query)
      pages.append(page.hits)
      guard let next = page.nextPageToken else { return pages }
      try #require(pages.count < 1000, "paging does not end")
      try await between(pages.count)
      query.pageToken = next
    }
  }
}
