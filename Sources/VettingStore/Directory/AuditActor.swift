import Foundation

/// Who makes a change: recorded in the audit log entry of every write.
public struct AuditActor: Sendable, Hashable {
  /// The token's name, a CLI user, or `system`.
  public var name: String
  /// The API token used, when the change came through the RPC API.
  public var tokenID: UUID?
  /// The request's id, to tie the audit entry to logs.
  public var requestID: String?

  /// Creates an actor.
  public init(name: String, tokenID: UUID? = nil, requestID: String? = nil) {
    self.name = name
    self.tokenID = tokenID
    self.requestID = requestID
  }

  /// Scheduled or internal work (re-vets after a rubric change, imports).
  public static let system = AuditActor(name: "system")
}
