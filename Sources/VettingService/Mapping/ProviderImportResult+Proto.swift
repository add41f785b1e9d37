import GRPCCore
import Logging
import VettingAPI
import VettingStore

extension ProviderImportResult {
  /// The wire result. A rejection's reason is what the single-record call would have answered
  /// (`fields.npi: ...`, `locations[0].state: ...`, `id: ...`), without SQL or internals.
  func proto(logger: Logger) -> Vetting_V1_ImportResult {
    switch outcome {
    case .created, .updated, .unchanged:
      return .with {
        $0.outcome =
          switch outcome {
          case .created: .created
          case .updated: .updated
          default: .unchanged
          }
        $0.id = id?.uuidString.lowercased() ?? ""
        $0.version = Int64(version ?? 0)
      }
    case .rejected(let error):
      let field = error.field.map(Self.path)
      let rpc = ServiceError.rpcError(
        for: error, logger: logger, fieldPrefix: "fields.",
        topLevelFields: error.field.map { Self.isTopLevel($0) ? [$0] : [] } ?? [])
      var reason = rpc.message
      // Store errors other than INVALID_ARGUMENT carry the field in their message unprefixed.
      if let name = error.field, let field, name != field, reason.hasPrefix(name + ": ") {
        reason = field + reason.dropFirst(name.count)
      }
      return Vetting_V1_ImportResult.rejected(reason: reason, field: field)
    }
  }

  /// The request path of a store field name: record-level names stay, fields get `fields.`.
  static func path(_ field: String) -> String {
    isTopLevel(field) ? field : "fields." + field
  }

  private static func isTopLevel(_ field: String) -> Bool {
    ["external_id", "id", "record"].contains(field) || field.hasPrefix("locations[")
  }
}
