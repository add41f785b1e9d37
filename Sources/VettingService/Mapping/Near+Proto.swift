import VettingAPI
import VettingStore

extension SearchQuery.Near {
  /// The store filter of a wire `near`: exactly one of a point or a postal code.
  init(proto near: Vetting_V1_NearFilter) throws {
    let origin: SearchQuery.Origin
    switch (near.hasPoint, near.postalCode.isEmpty) {
    case (true, true):
      origin = .point(latitude: near.point.latitude, longitude: near.point.longitude)
    case (false, false):
      origin = .postalCode(near.postalCode)
    case (true, false):
      throw ServiceError.invalidArgument(
        field: "near", "give a point or a postal code, not both")
    case (false, true):
      throw ServiceError.invalidArgument(field: "near", "give a point or a postal code")
    }
    let unit: DistanceUnit
    switch near.unit {
    case .unspecified, .kilometers: unit = .kilometers
    case .miles: unit = .miles
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: "near.unit", "has the unknown value \(number)")
    }
    self.init(origin: origin, radius: near.radius, unit: unit)
  }
}
