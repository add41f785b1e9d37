import VettingAPI
import VettingCore
import VettingStore

extension ReportQuery {
  /// The query a report request asks for; INVALID_ARGUMENT naming the field for an enum value
  /// the server does not know or a bad timestamp (state and flag are checked by the store).
  init(proto request: Vetting_V1_RunVettingReportRequest) throws {
    var tiers: Set<Tier> = []
    for (index, tier) in request.tiers.enumerated() {
      tiers.insert(try Tier(proto: tier, field: "tiers[\(index)]"))
    }
    self.init(
      state: RequestField.optional(request.state),
      kind: request.kind == .unspecified
        ? nil : try ProviderKind(proto: request.kind, field: "kind"),
      tiers: tiers, flag: RequestField.optional(request.flag),
      asOf: try RequestField.instant(request.asOf, present: request.hasAsOf, "as_of"),
      includeDetails: request.includeDetails)
  }
}
