/// One page of search hits.
public struct SearchPage: Sendable, Hashable {
  /// The hits, in the query's order.
  public var hits: [SearchHit]
  /// Pass as ``SearchQuery/pageToken`` (with the same filters and sort) for the next page; `nil`
  /// on the last page. Opaque, and signed: a changed token is refused.
  public var nextPageToken: String?

  /// Creates a page.
  public init(hits: [SearchHit], nextPageToken: String?) {
    self.hits = hits
    self.nextPageToken = nextPageToken
  }
}
