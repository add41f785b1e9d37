import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite("ProviderSearch sorts and pages the known directory", .migratedDatabase)
struct ProviderSearchSortTests {
  static let lansing = SearchQuery.Origin.point(
    latitude: KnownDirectory.lansing.latitude, longitude: KnownDirectory.lansing.longitude)

  @Test(
    "each sort gives the known order, page by page of any size",
    arguments: [
      (SearchQuery.Sort.score, ["Alder", "Gale", "Birch", "Cedar", "Dogwood", "Elm"]),
      (.name, ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Gale"]),
      (.distance, ["Alder", "Birch", "Cedar", "Dogwood", "Elm"]),
    ], [1, 2, 4, 100])
  func sorts(_ expectation: (SearchQuery.Sort, [String]), pageSize: Int) async throws {
    let (sort, expected) = expectation
    let directory = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      query.sort = sort
      query.pageSize = pageSize
      if sort == .distance { query.near = .init(origin: Self.lansing, radius: 500) }
      let pages = try await SearchDatabase.allPages(query, search)
      #expect(directory.names(pages.flatMap { $0 }.map(\.providerID)) == expected)
      #expect(pages.dropLast().allSatisfy { $0.count == pageSize })
      #expect(pages.count == max(1, (expected.count + pageSize - 1) / pageSize))
      if sort == .distance {
        let distances = pages.flatMap { $0 }.compactMap(\.distance)
        #expect(distances == distances.sorted())
        #expect(distances.first! < 0.001)
      }
    }
  }

  @Test("the default sort is by score and the default page size is 20")
  func defaults() async throws {
    let query = SearchQuery()
    #expect(query.sort == .score)
    #expect(query.pageSize == 0)
    #expect(SearchQuery.defaultPageSize == 20)
    let directory = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch { search in
      let page = try await search.search(query)
      #expect(directory.names(page.hits.map(\.providerID)).first == "Alder")
      #expect(page.hits.count == 6)
      #expect(page.nextPageToken == nil)
    }
  }

  @Test("a page token is refused when altered, cut, from another key, or for another query")
  func tamperedTokens() async throws {
    _ = try await KnownDirectoryCache.current()
    try await SearchDatabase.withSearch(pageTokenKey: Data(repeating: 9, count: 32)) { search in
      var query = SearchQuery()
      query.pageSize = 2
      let token = try #require(try await search.search(query).nextPageToken)

      var next = query
      next.pageToken = token
      #expect(try await search.search(next).hits.count == 2)

      var flipped = Array(token)
      let index = flipped.count / 3
      flipped[index] = flipped[index] == "A" ? "B" : "A"
      let altered = [
        String(flipped), String(token.dropLast(3)), token + "x", "garbage", "a.b", ".", "%%%.%%%",
      ]
      for bad in altered {
        next.pageToken = bad
        let error = try await #require(throws: StoreError.self) { try await search.search(next) }
        #expect(error.code == .invalidArgument)
        #expect(error.field == "page_token", "\(bad)")
      }

      var other = query
      other.state = "MI"
      other.pageToken = token
      let error = try await #require(throws: StoreError.self) { try await search.search(other) }
      #expect(error.field == "page_token")

      var resorted = query
      resorted.sort = .name
      resorted.pageToken = token
      await #expect(throws: StoreError.self) { try await search.search(resorted) }

      // Another page size is the same query: the token still works.
      var resized = query
      resized.pageSize = 3
      resized.pageToken = token
      #expect(try await search.search(resized).hits.count == 3)
    }
    // A search with another key does not accept the token.
    try await SearchDatabase.withSearch(pageTokenKey: Data(repeating: 9, count: 32)) { first in
      var query = SearchQuery()
      query.pageSize = 2
      let token = try #require(try await first.search(query).nextPageToken)
      try await SearchDatabase.withSearch(pageTokenKey: Data(repeating: 7, count: 32)) { second in
        query.pageToken = token
        let error = try await #require(throws: StoreError.self) { try await second.search(query) }
        #expect(error.field == "page_token")
      }
    }
  }
}
