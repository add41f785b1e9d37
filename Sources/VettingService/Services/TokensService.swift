import Foundation
public import GRPCCore
public import Logging
import VettingAPI
public import VettingStore

/// `vetting.v1.Tokens`: issue, revoke and list API tokens. Role admin.
public struct TokensService: Vetting_V1_Tokens.SimpleServiceProtocol {
  private let tokens: TokenStore
  private let authenticator: TokenAuthenticator?
  private let logger: Logger

  /// Creates the service; `authenticator` (the one the server's ``AuthInterceptor`` uses) is
  /// flushed after a revocation so the token stops working on this server at once.
  public init(
    tokens: TokenStore, authenticator: TokenAuthenticator? = nil,
    logger: Logger = Logger(label: "vetting.tokens")
  ) {
    self.tokens = tokens
    self.authenticator = authenticator
    self.logger = logger
  }

  public func issueToken(
    request: Vetting_V1_IssueTokenRequest, context: ServerContext
  ) async throws -> Vetting_V1_IssueTokenResponse {
    try await ServiceError.mapping(logger: logger) {
      let role = try TokenRole(proto: request.role, field: "role")
      let actor = try Principal.required
      let issued = try await tokens.issue(
        name: request.name, role: role, actor: actor.auditActor.name, actorTokenID: actor.tokenID)
      return .with {
        $0.token = issued.token.proto
        $0.secret = issued.secret
      }
    }
  }

  public func revokeToken(
    request: Vetting_V1_RevokeTokenRequest, context: ServerContext
  ) async throws -> Vetting_V1_Token {
    try await ServiceError.mapping(logger: logger) {
      let id = try RequestField.uuid(request.id, "id")
      let actor = try Principal.required
      let token = try await tokens.revoke(
        id: id, actor: actor.auditActor.name, actorTokenID: actor.tokenID)
      authenticator?.flush()
      return token.proto
    }
  }

  public func listTokens(
    request: Vetting_V1_ListTokensRequest, context: ServerContext
  ) async throws -> Vetting_V1_ListTokensResponse {
    try await ServiceError.mapping(logger: logger) {
      let list = try await tokens.list(includeRevoked: request.includeRevoked)
      return .with { $0.tokens = list.map(\.proto) }
    }
  }
}
