public import Foundation
public import VettingStore

/// Who is calling: the API token a call authenticated with.
///
/// ``AuthInterceptor`` binds it to ``current`` for the handler (and, for streaming responses, for
/// the response producer); writes record it as the audit actor.
public struct Principal: Sendable, Hashable {
  /// The token's id.
  public var tokenID: UUID
  /// The token's name, the audit log's actor name.
  public var name: String
  /// What the token may do.
  public var role: TokenRole

  /// Creates a principal.
  public init(tokenID: UUID, name: String, role: TokenRole) {
    self.tokenID = tokenID
    self.name = name
    self.role = role
  }

  /// The authenticated caller of the current call; `nil` outside an authenticated call.
  @TaskLocal public static var current: Principal?

  /// The audit actor for a write by this principal.
  public var auditActor: AuditActor {
    AuditActor(name: "token:\(name)", tokenID: tokenID)
  }
}
