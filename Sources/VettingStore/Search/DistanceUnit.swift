/// The unit of a search radius and of the distances in its hits.
public enum DistanceUnit: String, Sendable, Hashable, CaseIterable, Codable {
  case kilometers
  case miles

  /// Metres in one unit.
  public var metres: Double {
    switch self {
    case .kilometers: 1000
    case .miles: 1609.344
    }
  }
}
