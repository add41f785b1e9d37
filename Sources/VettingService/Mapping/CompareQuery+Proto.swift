import VettingAPI
import VettingCore
import VettingStore

extension CompareQuery {
  /// The query a compare request asks for; INVALID_ARGUMENT naming the field for a missing or
  /// bad timestamp or an unknown kind (the order of the instants and the state are checked by
  /// the store).
  init(proto request: Vetting_V1_CompareAssessmentsRequest) throws {
    guard
      let from = try RequestField.instant(
        request.fromTime, present: request.hasFromTime, "from_time")
    else {
      throw ServiceError.invalidArgument(field: "from_time", "is required")
    }
    self.init(
      from: from,
      to: try RequestField.instant(request.toTime, present: request.hasToTime, "to_time"),
      state: RequestField.optional(request.state),
      kind: request.kind == .unspecified
        ? nil : try ProviderKind(proto: request.kind, field: "kind"))
  }
}
