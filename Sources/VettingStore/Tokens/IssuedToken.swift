/// A newly issued token: its record and its secret. The secret exists only here: the store keeps
/// its SHA-256, so show it to the person once and drop it.
public struct IssuedToken: Sendable, Hashable {
  /// The stored record.
  public var token: APIToken
  /// `pv_` followed by 43 base64url characters (32 random bytes). Sent as
  /// `authorization: Bearer <secret>`.
  public var secret: String

  /// Creates an issued token.
  public init(token: APIToken, secret: String) {
    self.token = token
    self.secret = secret
  }
}
