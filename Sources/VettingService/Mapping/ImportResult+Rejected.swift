import GRPCCore
import VettingAPI

extension Vetting_V1_ImportResult {
  /// A REJECTED result.
  static func rejected(reason: String, field: String?) -> Self {
    .with {
      $0.outcome = .rejected
      $0.reason = reason
      $0.field = field ?? ""
    }
  }

  /// The REJECTED result of a record the wire mapping refused with `error`: its field is the
  /// part of the message before `": "`.
  static func rejected(_ error: RPCError) -> Self {
    let field = error.message.range(of: ": ").map { String(error.message[..<$0.lowerBound]) }
    return rejected(reason: error.message, field: field)
  }
}
