import VettingAPI
import VettingClient

/// Pages through `SearchProviders` until `limit` hits or the last page.
enum SearchPager {
  static func hits(
    _ request: Vetting_V1_SearchProvidersRequest, limit: Int, client: VettingClient
  ) async throws -> [Vetting_V1_SearchHit] {
    var request = request
    var hits: [Vetting_V1_SearchHit] = []
    while hits.count < limit {
      request.pageSize = Int32(min(100, limit - hits.count))
      let page = try await client.searchProviders(request)
      hits += page.hits
      guard !page.nextPageToken.isEmpty, !page.hits.isEmpty else { break }
      request.pageToken = page.nextPageToken
    }
    return hits
  }

  /// Hits as a table.
  static func table(_ hits: [Vetting_V1_SearchHit], distance: Bool) -> Table {
    var columns = ["id", "kind", "name", "city", "state", "postal_code"]
    if distance { columns.append("distance") }
    columns += [
      "score", "tier", "completeness", "open_items", "flags", "disqualified", "routes", "accepting",
    ]
    return Table(
      columns: columns,
      rows: hits.map { hit in
        var row = [
          hit.providerID, Vocabulary.name(hit.kind), hit.name, hit.city, hit.state,
          hit.postalCode,
        ]
        if distance { row.append(String(format: "%.1f", hit.distance)) }
        let summary = hit.assessment
        let assessed = hit.hasAssessment && !summary.assessmentID.isEmpty
        row += [
          assessed ? "\(summary.score)" : "",
          assessed ? Vocabulary.name(summary.tier) : "",
          assessed && summary.hasCompleteness ? "\(summary.completeness)" : "",
          assessed ? "\(summary.openItems)" : "",
          assessed ? "\(summary.criticalFlags)/\(summary.majorFlags)/\(summary.minorFlags)" : "",
          assessed ? (summary.disqualified ? "yes" : "no") : "",
          hit.routes.map { Vocabulary.name($0) }.joined(separator: ";"),
          hit.acceptingNewPatients ? "yes" : "no",
        ]
        return row
      })
  }
}
