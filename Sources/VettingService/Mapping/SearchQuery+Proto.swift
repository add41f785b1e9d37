import VettingAPI
import VettingCore
import VettingStore

extension SearchQuery {
  /// The store query of a wire request. Enum fields are checked here (naming the field); text,
  /// ranges, page size and page token are checked by the store, which names the same fields.
  init(proto request: Vetting_V1_SearchProvidersRequest) throws {
    self.init()
    text = RequestField.optional(request.text)
    state = RequestField.optional(request.state)
    city = RequestField.optional(request.city)
    postalCode = RequestField.optional(request.postalCode)
    if request.hasNear {
      near = try Near(proto: request.near)
    }
    routes = try request.routes.enumerated().map { index, route in
      try Route(proto: route, field: "routes[\(index)]")
    }
    conditions = request.conditions
    insurance = request.insurance
    slidingScale = request.slidingScale
    telehealthState = RequestField.optional(request.telehealthState)
    acceptingNewPatients = request.acceptingNewPatients
    guard (0...100).contains(request.minScore) else {
      throw ServiceError.invalidArgument(
        field: "min_score", "must be between 0 and 100, got \(request.minScore)")
    }
    minimumScore = request.minScore == 0 ? nil : Int(request.minScore)
    tiers = try request.tiers.enumerated().map { index, tier in
      try Tier(proto: tier, field: "tiers[\(index)]")
    }
    noCriticalFlags = request.noCriticalFlags
    noMajorFlags = request.noMajorFlags
    switch request.kind {
    case .unspecified: kind = nil
    default: kind = try ProviderKind(proto: request.kind, field: "kind")
    }
    switch request.sort {
    case .unspecified, .score: sort = .score
    case .distance: sort = .distance
    case .name: sort = .name
    case .UNRECOGNIZED(let number):
      throw ServiceError.invalidArgument(field: "sort", "has the unknown value \(number)")
    }
    // The store refuses out-of-range sizes naming page_size; Int32 always fits in Int.
    pageSize = Int(request.pageSize)
    pageToken = RequestField.optional(request.pageToken)
  }
}
