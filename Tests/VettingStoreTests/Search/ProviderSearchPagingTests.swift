import Foundation
import LibPQ
import StoreTestSupport
import Testing
import VettingCore
import VettingStore

@Suite("ProviderSearch paging while the directory changes", .migratedDatabase, .serialized)
struct ProviderSearchPagingTests {
  static let centre = (latitude: 44.0, longitude: -100.0)

  /// Inserts `count` clinics named `<prefix> NNN` near the centre, with scores that tie in groups
  /// of three, so the id tie-break decides the order inside a group.
  static func seed(_ prefix: String, count: Int, on connection: Connection) async throws -> [UUID] {
    var ids: [UUID] = []
    for index in 0..<count {
      ids.append(
        try await SearchRows(
          kind: .clinic, name: "\(prefix) \(String(format: "%03d", index))",
          places: [
            .init(
              city: "Pierre", state: "SD", postalCode: "57501",
              latitude: centre.latitude + Double(index % 7) * 0.01,
              longitude: centre.longitude)
          ],
          profile: .init(routes: ["iv"], accepting: true),
          score: .init(score: Decimal(50 + index / 3), tier: "conditional")
        ).insert(on: connection))
    }
    return ids
  }

  @Test(
    "pages have no duplicates or gaps while providers are inserted between pages",
    arguments: SearchQuery.Sort.allCases)
  func insertsBetweenPages(sort: SearchQuery.Sort) async throws {
    let prefix = "Paging \(sort.rawValue)"
    let original = try await MigratedDatabase.withConnection {
      try await Self.seed(prefix, count: 40, on: $0)
    }
    try await SearchDatabase.withSearch { search in
      var query = SearchQuery()
      query.text = prefix
      query.sort = sort
      query.pageSize = 7
      query.near = .init(
        origin: .point(latitude: Self.centre.latitude, longitude: Self.centre.longitude),
        radius: 50)
      var inserted: [UUID] = []
      let pages = try await SearchDatabase.allPages(query, search) { pageNumber in
        // Rows that sort first, last and in the middle of every order appear between pages.
        try await MigratedDatabase.withConnection { connection in
          for (offset, name) in [
            "000 early \(pageNumber)", "999 late \(pageNumber)", "020b mid \(pageNumber)",
          ].enumerated() {
            inserted.append(
              try await SearchRows(
                kind: .clinic, name: "\(prefix) \(name)",
                places: [
                  .init(
                    city: "Pierre", state: "SD", postalCode: "57501",
                    latitude: Self.centre.latitude + Double(offset) * 0.02,
                    longitude: Self.centre.longitude)
                ],
                profile: .init(routes: ["iv"], accepting: true),
                score: .init(score: Decimal([99, 1, 56][offset]), tier: "vetted")
              ).insert(on: connection))
          }
        }
      }
      let seen = pages.flatMap { $0 }.map(\.providerID)
      #expect(Set(seen).count == seen.count, "a provider appeared twice")
      #expect(Set(original).isSubset(of: Set(seen)), "a provider present throughout was skipped")
      #expect(Set(seen).isSubset(of: Set(original + inserted)))
      #expect(pages.dropLast().allSatisfy { $0.count == 7 })
    }
  }

  @Test("archived providers never appear, in any sort or page")
  func archivedExcluded() async throws {
    let prefix = "Archive check"
    let ids = try await MigratedDatabase.withConnection {
      try await Self.seed(prefix, count: 10, on: $0)
    }
    let archived = Set(ids.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
    _ = try await MigratedDatabase.withConnection { connection in
      try await connection.execute(
        "UPDATE clinics SET archived_at = now() WHERE id = ANY ($1)", [Array(archived)])
    }
    try await SearchDatabase.withSearch { search in
      for sort in SearchQuery.Sort.allCases {
        var query = SearchQuery()
        query.text = prefix
        query.sort = sort
        query.pageSize = 3
        query.near = .init(
          origin: .point(latitude: Self.centre.latitude, longitude: Self.centre.longitude),
          radius: 50)
        let seen = Set(
          try await SearchDatabase.allPages(query, search).flatMap { $0 }.map(\.providerID))
        #expect(seen == Set(ids).subtracting(archived), "\(sort)")
      }
    }
  }
}
