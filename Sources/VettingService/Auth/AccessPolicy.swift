public import VettingStore

/// The role rules: which token roles may call which service. The one table every check reads
/// (documented in docs/API.md).
public enum AccessPolicy {
  /// Services callable without a token: health checks and the method listing.
  public static let publicServices: Set<String> = [
    "grpc.health.v1.Health",
    "rpcbuiltins.v1.MethodListing",
  ]

  /// Fully qualified service name → roles allowed to call every method of it.
  public static let allowedRoles: [String: Set<TokenRole>] = [
    "vetting.v1.Directory": [.referral, .auditor, .admin],
    "vetting.v1.Audit": [.auditor, .admin],
    "vetting.v1.Admin": [.admin],
    "vetting.v1.Tokens": [.admin],
  ]

  /// Whether `role` may call methods of `service`. Services missing from the table are
  /// admin-only, so a new service is closed until it is listed.
  public static func allows(_ role: TokenRole, service: String) -> Bool {
    allowedRoles[service, default: [.admin]].contains(role)
  }
}
