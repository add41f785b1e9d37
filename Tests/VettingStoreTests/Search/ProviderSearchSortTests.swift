import Crypto
import Foundation
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite("ProviderSearch sorts and pages the known directory", .migratedDatabase)
struct ProviderSearchSortTests {
  static let lansing = SearchQuery.Origin.point(
    latitude: KnownDirectory.lansing.latitude, longitude: KnownDirectory.lansing.longitude)

  // Dogwood (score 30, one critical flag) is disqualified: last in every sort, after Elm, which
  // has no assessment at all.
  @Test(
    "each sort gives the known order, disqualified last, page by page of any size",
    arguments: [
      (SearchQuery.Sort.score, ["Alder", "Gale", "Birch", "Cedar", "Elm", "Dogwood"]),
      (.name, ["Alder", "Birch", "Cedar", "Elm", "Gale", "Dogwood"]),
      (.distance, ["Alder", "Birch", "Cedar", "Elm", "Dogwood"]),
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
      let hits = pages.flatMap { $0 }
      #expect(hits.last?.assessment?.isDisqualified == true)
      #expect(hits.dropLast().allSatisfy { $0.assessment?.isDisqualified != true })
      if sort == .distance {
        let distances = hits.dropLast().compactMap(\.distance)
        #expect(distances == distances.sorted())
        #expect(try #require(distances.first) < 0.001)
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

      // A token of format 1 (issued before disqualified providers sorted last), correctly
      // signed, is refused with a message saying to start again.
      let parts = token.split(separator: ".").map(String.init)
      let payload = try #require(Self.base64urlDecoded(parts[0]))
      let json = try #require(String(data: payload, encoding: .utf8))
      #expect(json.contains("\"v\":2"))
      let old = Data(json.replacingOccurrences(of: "\"v\":2", with: "\"v\":1").utf8)
      let mac = HMAC<SHA256>.authenticationCode(
        for: old, using: SymmetricKey(data: Data(repeating: 9, count: 32)))
      var replayed = query
      replayed.pageToken = Self.base64url(old) + "." + Self.base64url(Data(mac).prefix(16))
      let refused = try await #require(throws: StoreError.self) {
        try await search.search(replayed)
      }
      #expect(refused.field == "page_token")
      #expect(refused.message.contains("earlier version of the service"), "\(refused.message)")

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

  static func base64url(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  static func base64urlDecoded(_ text: String) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64)
  }
}
