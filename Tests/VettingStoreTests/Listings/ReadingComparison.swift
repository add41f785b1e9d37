import Foundation
import LibPQ
import StoreTestSupport
import Testing

@testable import VettingStore

/// Runs a query on the listings read model and on the source tables (the statement search ran
/// before migration 0010) with the same page-token key, following every page, so a test can
/// require the same hits, in the same order, with the same page tokens.
enum ReadingComparison {
  /// Every page of `query` read both ways: (hits, next page token) per page.
  struct Pages: Equatable {
    var listings: [[SearchHit]] = []
    var listingTokens: [String?] = []
    var source: [[SearchHit]] = []
    var sourceTokens: [String?] = []
  }

  static let key = Data("listings-comparison-key".utf8)

  /// Both readings of `query`, page after page, on `pool`.
  static func pages(_ query: SearchQuery, on pool: ConnectionPool) async throws -> Pages {
    var pages = Pages()
    for reading in [ProviderSearch.Reading.listings, .sourceTables] {
      let search = ProviderSearch(pool: pool, pageTokenKey: key, reading: reading)
      var query = query
      var hits: [[SearchHit]] = []
      var tokens: [String?] = []
      while true {
        let page = try await search.search(query)
        hits.append(page.hits)
        tokens.append(page.nextPageToken)
        guard let next = page.nextPageToken else { break }
        try #require(hits.count < 2000, "paging does not end")
        query.pageToken = next
      }
      if reading == .listings {
        (pages.listings, pages.listingTokens) = (hits, tokens)
      } else {
        (pages.source, pages.sourceTokens) = (hits, tokens)
      }
    }
    return pages
  }

  /// Expects both readings of each query to agree; returns how many hits the queries had in all
  /// (so a caller can check the comparison was not vacuous).
  @discardableResult
  static func expectSame(
    _ queries: [(String, SearchQuery)], on pool: ConnectionPool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> Int {
    var total = 0
    for (label, query) in queries {
      let pages = try await pages(query, on: pool)
      #expect(
        pages.listings == pages.source, "\(label): hits differ", sourceLocation: sourceLocation)
      #expect(
        pages.listingTokens == pages.sourceTokens, "\(label): page tokens differ",
        sourceLocation: sourceLocation)
      total += pages.listings.joined().count
    }
    return total
  }

  /// Query shapes that between them use every filter and sort (page size 7, so most page).
  static func shapes(near origin: SearchQuery.Origin, word: String) -> [(String, SearchQuery)] {
    func query(_ build: (inout SearchQuery) -> Void) -> SearchQuery {
      var query = SearchQuery()
      query.pageSize = 7
      build(&query)
      return query
    }
    return [
      ("everything by score", query { _ in }),
      ("everything by name", query { $0.sort = .name }),
      ("clinics only", query { $0.kind = .clinic }),
      (
        "practitioners only by name",
        query {
          $0.kind = .practitioner
          $0.sort = .name
        }
      ),
      (
        "text",
        query {
          $0.text = word
          $0.sort = .name
        }
      ),
      (
        "near, nearest first",
        query {
          $0.near = .init(origin: origin, radius: 60)
          $0.sort = .distance
        }
      ),
      ("near, by score", query { $0.near = .init(origin: origin, radius: 40, unit: .miles) }),
      (
        "state and city",
        query {
          $0.state = "MI"
          $0.city = "lansing"
        }
      ),
      (
        "state by name",
        query {
          $0.state = "MI"
          $0.sort = .name
        }
      ),
      (
        "routes and conditions",
        query {
          $0.routes = [.intravenous]
          $0.conditions = ["depression"]
        }
      ),
      (
        "insurance or sliding scale",
        query {
          $0.insurance = ["aetna"]
          $0.slidingScale = true
        }
      ),
      ("insurance", query { $0.insurance = ["aetna", "cigna"] }),
      (
        "sliding scale",
        query {
          $0.slidingScale = true
          $0.sort = .name
        }
      ),
      (
        "telehealth and accepting",
        query {
          $0.telehealthState = "OH"
          $0.acceptingNewPatients = true
        }
      ),
      ("minimum score", query { $0.minimumScore = 40 }),
      ("tiers", query { $0.tiers = [.vetted, .notVetted] }),
      (
        "no critical flags by name",
        query {
          $0.noCriticalFlags = true
          $0.sort = .name
        }
      ),
      ("no major flags", query { $0.noMajorFlags = true }),
      ("accepting new patients", query { $0.acceptingNewPatients = true }),
    ]
  }
}
