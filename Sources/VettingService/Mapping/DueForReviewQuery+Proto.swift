import VettingAPI
import VettingStore

extension DueForReviewQuery {
  /// The query a due-for-review request asks for (the window is checked by the store).
  init(proto request: Vetting_V1_ListDueForReviewRequest) throws {
    var reasons: Set<DueReason> = []
    for (index, reason) in request.reasons.enumerated() {
      reasons.insert(try DueReason(proto: reason, field: "reasons[\(index)]"))
    }
    self.init(
      withinDays: request.withinDays == 0 ? Self.defaultWindowDays : Int(request.withinDays),
      reasons: reasons)
  }
}
