extension SearchQuery {
  /// The point a ``Near`` filter measures from.
  public enum Origin: Sendable, Hashable {
    /// A point in decimal degrees (WGS 84).
    case point(latitude: Double, longitude: Double)
    /// A US postal code (`12345` or `12345-6789`). Its point is the five-digit ZIP's centroid
    /// from the ZIP centroid table (migration 0011, every US ZIP code), whether or not the
    /// directory has a location there; a ZIP the table lacks is centred on the directory's own
    /// locations with it, and one neither knows is refused (``StoreError/Code/invalidArgument``
    /// naming `near.postal_code`). See ``PostalCodeCentre``.
    case postalCode(String)
  }
}
