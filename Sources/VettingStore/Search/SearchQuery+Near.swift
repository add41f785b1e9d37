extension SearchQuery {
  /// "Within `radius` of `origin`": distances are great-circle distances on PostgreSQL
  /// `earthdistance`'s sphere (radius 6,378,168 m).
  public struct Near: Sendable, Hashable {
    /// Where distances are measured from.
    public var origin: Origin
    /// Greater than 0 and at most 500 km (about 310.7 miles), in ``unit``.
    public var radius: Double
    /// The unit of ``radius`` and of every hit's ``SearchHit/distance``.
    public var unit: DistanceUnit

    /// Creates a filter.
    public init(origin: Origin, radius: Double, unit: DistanceUnit = .kilometers) {
      self.origin = origin
      self.radius = radius
      self.unit = unit
    }
  }
}
