extension SearchQuery {
  /// The point a ``Near`` filter measures from.
  public enum Origin: Sendable, Hashable {
    /// A point in decimal degrees (WGS 84).
    case point(latitude: Double, longitude: Double)
    /// A US postal code (`12345` or `12345-6789`). Its point is the centroid (mean latitude and
    /// longitude) of the directory's own geocoded, unarchived locations with that five-digit ZIP;
    /// the directory keeps no ZIP gazetteer, so a ZIP where it has no location is refused
    /// (``StoreError/Code/invalidArgument`` naming `near.postal_code`).
    case postalCode(String)
  }
}
