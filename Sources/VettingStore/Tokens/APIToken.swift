import Foundation

/// An API token as stored: never its secret, which is shown once by ``TokenStore/issue(name:role:actor:actorTokenID:expiresAt:)``.
public struct APIToken: Sendable, Hashable {
  /// The token's id.
  public var id: UUID
  /// Its name, unique among live tokens (e.g. `ci`, `hotline-east`).
  public var name: String
  /// What it may call.
  public var role: TokenRole
  /// The first characters of the secret (`pv_` and five more), to tell tokens apart in listings.
  public var secretPrefix: String
  /// Who issued it.
  public var createdBy: String?
  /// When it was issued.
  public var createdAt: Date
  /// When it stops working, if ever.
  public var expiresAt: Date?
  /// When it was revoked, and by whom.
  public var revokedAt: Date?
  /// See ``revokedAt``.
  public var revokedBy: String?
  /// When it was last used, to the minute (recorded at most once a minute).
  public var lastUsedAt: Date?
  /// Optimistic-concurrency version of the row.
  public var version: Int

  /// Whether the token is revoked.
  public var isRevoked: Bool { revokedAt != nil }

  /// Creates a token record.
  public init(
    id: UUID, name: String, role: TokenRole, secretPrefix: String, createdBy: String?,
    createdAt: Date, expiresAt: Date?, revokedAt: Date?, revokedBy: String?, lastUsedAt: Date?,
    version: Int
  ) {
    self.id = id
    self.name = name
    self.role = role
    self.secretPrefix = secretPrefix
    self.createdBy = createdBy
    self.createdAt = createdAt
    self.expiresAt = expiresAt
    self.revokedAt = revokedAt
    self.revokedBy = revokedBy
    self.lastUsedAt = lastUsedAt
    self.version = version
  }
}
