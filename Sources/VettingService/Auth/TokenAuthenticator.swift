import Foundation
import Synchronization
public import VettingStore

/// Resolves bearer secrets to principals through the store, with a short positive cache.
///
/// A successful lookup is reused for at most ``cacheLifetime`` (default 2 seconds), so a
/// revoked token stops working within that time on every server; failed lookups are never
/// cached (a newly issued token works at once). The store records the token's last use.
public final class TokenAuthenticator: Sendable {
  private struct Entry {
    var principal: Principal
    var expires: ContinuousClock.Instant
  }

  private let tokens: TokenStore
  /// How long a successful lookup is reused.
  public let cacheLifetime: Duration
  private let cache = Mutex<[String: Entry]>([:])
  private static let maximumEntries = 10_000

  /// Creates an authenticator over `tokens`; `cacheLifetime` `.zero` disables the cache.
  public init(tokens: TokenStore, cacheLifetime: Duration = .seconds(2)) {
    self.tokens = tokens
    self.cacheLifetime = cacheLifetime
  }

  /// The principal for `secret`, or `nil` when no live token has it.
  public func principal(secret: String) async throws -> Principal? {
    let now = ContinuousClock.now
    let cached = cache.withLock { cache -> Principal? in
      guard let entry = cache[secret] else { return nil }
      if entry.expires > now { return entry.principal }
      cache[secret] = nil
      return nil
    }
    if let cached { return cached }
    guard let token = try await tokens.authenticate(secret: secret) else { return nil }
    let principal = Principal(tokenID: token.id, name: token.name, role: token.role)
    if cacheLifetime > .zero {
      cache.withLock { cache in
        // Bounded: a flood of distinct valid secrets cannot grow memory without limit.
        if cache.count >= Self.maximumEntries { cache.removeAll() }
        cache[secret] = Entry(principal: principal, expires: now + cacheLifetime)
      }
    }
    return principal
  }

  /// Forgets every cached lookup (e.g. right after a revocation on this server).
  public func flush() {
    cache.withLock { $0.removeAll() }
  }
}
