import GRPCCore
public import VettingAPI

extension VettingClient {
  /// `vetting.v1.Tokens/IssueToken`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func issueToken(
    _ request: Vetting_V1_IssueTokenRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_IssueTokenResponse {
    let client = self.tokens
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.issueToken(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Tokens/RevokeToken`.
  ///
  /// Not retried: it may have been applied before a failure was seen.
  public func revokeToken(
    _ request: Vetting_V1_RevokeTokenRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_Token {
    let client = self.tokens
    return try await self.call(request, options: options, idempotent: false) {
      request, callOptions in
      try await client.revokeToken(request: request, options: callOptions)
    }
  }

  /// `vetting.v1.Tokens/ListTokens`.
  ///
  /// An idempotent read: retried on UNAVAILABLE within the deadline.
  public func listTokens(
    _ request: Vetting_V1_ListTokensRequest,
    options: VettingCallOptions = .defaults
  ) async throws -> Vetting_V1_ListTokensResponse {
    let client = self.tokens
    return try await self.call(request, options: options, idempotent: true) {
      request, callOptions in
      try await client.listTokens(request: request, options: callOptions)
    }
  }
}
