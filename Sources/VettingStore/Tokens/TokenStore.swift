import Foundation
import LibPQ

/// API bearer tokens: issue, authenticate, revoke, list.
///
/// Secrets are `pv_` + 43 base64url characters (32 random bytes), returned once by
/// ``issue(name:role:actor:actorTokenID:expiresAt:)`` and stored only as their SHA-256, which is
/// also how a presented secret is found: the lookup is an index probe on the hash, so no stored
/// secret is ever compared character by character with what a caller sent. Issuing and revoking
/// append an `audit_log` entry in the same statement (one transaction) as the change; the row
/// images in the log hold the prefix, never the hash. Recording last use is not audited.
public struct TokenStore: Sendable {
  /// Where tokens are stored.
  public let pool: ConnectionPool

  /// How often last use is written: at most once per this interval per token, so a busy token
  /// does not turn every request into a write.
  public static let lastUseResolution: Duration = .seconds(60)

  /// Creates a store over `pool`.
  public init(pool: ConnectionPool) {
    self.pool = pool
  }

  static let columns = """
    t.id, t.name, t.role, t.secret_prefix, t.created_by, t.created_at, t.expires_at,
    t.revoked_at, t.revoked_by, t.last_used_at, t.version
    """

  /// The row image written to the audit log (never the hash).
  static let image = """
    jsonb_build_object('id', t.id, 'name', t.name, 'role', t.role,
      'secret_prefix', t.secret_prefix, 'created_by', t.created_by, 'created_at', t.created_at,
      'expires_at', t.expires_at, 'revoked_at', t.revoked_at, 'revoked_by', t.revoked_by,
      'version', t.version)
    """

  /// Issues a token and returns it with its secret, the only time the secret is available.
  ///
  /// - Parameters:
  ///   - name: 1...200 characters, unique among live tokens.
  ///   - actor: who issues it (a token name or CLI user), for `created_by` and the audit log.
  ///   - actorTokenID: the token the actor authenticated with, if any.
  ///   - expiresAt: when it stops working; `nil` for never.
  /// - Throws: ``StoreError`` — ``StoreError/Code/invalidArgument`` naming `name` or `actor`,
  ///   ``StoreError/Code/alreadyExists`` when a live token has this name.
  public func issue(
    name: String, role: TokenRole, actor: String, actorTokenID: UUID? = nil,
    expiresAt: Date? = nil
  ) async throws -> IssuedToken {
    let name = try Self.text(name, field: "name")
    let actor = try Self.text(actor, field: "actor")
    let secret = TokenSecret.generate()
    let prefix = String(secret.prefix(TokenSecret.shownPrefixLength))
    do {
      let row = try await ProviderSearch.mappingErrors {
        try await pool.query(
          """
          WITH t AS (
            INSERT INTO api_tokens (name, role, secret_sha256, secret_prefix, created_by, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING *
          ), log AS (
            INSERT INTO audit_log (actor, actor_token_id, action, entity_type, entity_id, after)
            SELECT $5, $7, 'issue_token', 'api_token', t.id, \(Self.image) FROM t
          )
          SELECT \(Self.columns) FROM t
          """,
          [
            name, role.rawValue, TokenSecret.hash(secret), prefix, actor, expiresAt, actorTokenID,
          ]
        ).singleRow()
      }
      guard let row else { throw StoreError(code: .internal, message: "INSERT returned no row") }
      return IssuedToken(token: try Self.decode(row), secret: secret)
    } catch let error as PostgresError
      where error.sqlState == .uniqueViolation && error.constraintName == "api_tokens_live_name"
    {
      throw StoreError(
        code: .alreadyExists,
        message: "a live token named \"\(name)\" exists; revoke it first or choose another name",
        field: "name", entity: "api_token", entityID: name, underlying: error)
    }
  }

  /// The live token whose secret is `secret`, or `nil` when there is none (unknown, revoked or
  /// expired; also for text that cannot be a secret). Records the use, at most once a minute.
  public func authenticate(secret: String) async throws -> APIToken? {
    // Any text is hashed and looked up; nothing is compared with a stored secret.
    guard !secret.isEmpty, secret.utf8.count <= 512 else { return nil }
    let row = try await ProviderSearch.mappingErrors {
      try await pool.query(
        """
        WITH found AS (
          SELECT id FROM api_tokens
           WHERE secret_sha256 = $1 AND revoked_at IS NULL
             AND (expires_at IS NULL OR expires_at > now())
        ), touched AS (
          UPDATE api_tokens u SET last_used_at = now()
            FROM found
           WHERE u.id = found.id
             AND (u.last_used_at IS NULL OR u.last_used_at <= now() - $2::int * interval '1 second')
          RETURNING u.id, u.last_used_at
        )
        SELECT \(Self.columns.replacingOccurrences(
          of: "t.last_used_at", with: "coalesce(touched.last_used_at, t.last_used_at)"))
          FROM api_tokens t
          JOIN found ON found.id = t.id
          LEFT JOIN touched ON touched.id = t.id
        """,
        [TokenSecret.hash(secret), Int(Self.lastUseResolution.components.seconds)]
      ).singleRow()
    }
    return try row.map(Self.decode)
  }

  /// Revokes a token. Revoking a revoked token returns it unchanged and writes nothing.
  ///
  /// - Throws: ``StoreError`` — ``StoreError/Code/notFound`` for an unknown id,
  ///   ``StoreError/Code/invalidArgument`` naming `actor`.
  @discardableResult
  public func revoke(id: UUID, actor: String, actorTokenID: UUID? = nil) async throws -> APIToken {
    let actor = try Self.text(actor, field: "actor")
    return try await ProviderSearch.mappingErrors {
      try await pool.transaction { connection in
        let revoked = try await connection.query(
          """
          WITH old AS (
            SELECT * FROM api_tokens WHERE id = $1 AND revoked_at IS NULL FOR UPDATE
          ), t AS (
            UPDATE api_tokens SET revoked_at = now(), revoked_by = $2
             WHERE id = (SELECT id FROM old)
            RETURNING *
          ), log AS (
            INSERT INTO audit_log
              (actor, actor_token_id, action, entity_type, entity_id, before, after)
            SELECT $2, $3, 'revoke_token', 'api_token', t.id,
                   (SELECT \(Self.image) FROM old t), \(Self.image)
              FROM t
          )
          SELECT \(Self.columns) FROM t
          """, [id, actor, actorTokenID]
        ).singleRow()
        if let revoked { return try Self.decode(revoked) }
        guard
          let existing = try await connection.query(
            "SELECT \(Self.columns) FROM api_tokens t WHERE t.id = $1", [id]
          ).singleRow()
        else { throw StoreError.notFound("api_token", id: id.uuidString.lowercased()) }
        return try Self.decode(existing)
      }
    }
  }

  /// Tokens, oldest first; revoked ones only with `includeRevoked`.
  public func list(includeRevoked: Bool = false) async throws -> [APIToken] {
    try await ProviderSearch.mappingErrors {
      try await pool.query(
        """
        SELECT \(Self.columns) FROM api_tokens t
         WHERE $1 OR t.revoked_at IS NULL
         ORDER BY t.created_at, t.id
        """, [includeRevoked]
      ).map(Self.decode)
    }
  }

  /// One token by id, or `nil`.
  public func token(id: UUID) async throws -> APIToken? {
    try await ProviderSearch.mappingErrors {
      try await pool.query("SELECT \(Self.columns) FROM api_tokens t WHERE t.id = $1", [id])
        .singleRow().map(Self.decode)
    }
  }

  private static func text(_ value: String, field: String) throws(StoreError) -> String {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
      throw .invalidArgument(field: field, message: "must not be empty")
    }
    guard trimmed.count <= 200 else {
      throw .invalidArgument(
        field: field, message: "is \(trimmed.count) characters long; at most 200 are allowed")
    }
    guard !trimmed.unicodeScalars.contains("\u{0}") else {
      throw .invalidArgument(field: field, message: "must not contain NUL characters")
    }
    return trimmed
  }

  private static func decode(_ row: PostgresRow) throws -> APIToken {
    let roleText = try row.decode(String.self, at: 2)
    guard let role = TokenRole(rawValue: roleText) else {
      throw StoreError(code: .internal, message: "token has an unknown role \(roleText)")
    }
    return APIToken(
      id: try row.decode(UUID.self, at: 0), name: try row.decode(String.self, at: 1), role: role,
      secretPrefix: try row.decode(String?.self, at: 3) ?? "",
      createdBy: try row.decode(String?.self, at: 4), createdAt: try row.decode(Date.self, at: 5),
      expiresAt: try row.decode(Date?.self, at: 6), revokedAt: try row.decode(Date?.self, at: 7),
      revokedBy: try row.decode(String?.self, at: 8), lastUsedAt: try row.decode(Date?.self, at: 9),
      version: try row.decode(Int.self, at: 10))
  }
}
