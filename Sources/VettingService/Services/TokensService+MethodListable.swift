public import RPCBuiltins
import VettingAPI

extension Vetting_V1_Tokens.Method.IssueToken: GeneratedMethod {}
extension Vetting_V1_Tokens.Method.RevokeToken: GeneratedMethod {}
extension Vetting_V1_Tokens.Method.ListTokens: GeneratedMethod {}

extension TokensService: MethodListable {
  /// Every method of `vetting.v1.Tokens` with its message types, for the method listing.
  public static var listedMethods: [ListedMethod] {
    [
      ListedMethod(Vetting_V1_Tokens.Method.IssueToken.self),
      ListedMethod(Vetting_V1_Tokens.Method.RevokeToken.self),
      ListedMethod(Vetting_V1_Tokens.Method.ListTokens.self),
    ]
  }
}
