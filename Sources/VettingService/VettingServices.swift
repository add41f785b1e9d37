public import Foundation
public import GRPCCore
public import LibPQ
public import Logging
public import VettingCore
import VettingStore

/// The vetting services (Directory, Admin, Tokens, Audit) and the auth interceptor, assembled over one connection pool: what a
/// server registers.
///
/// ```swift
/// let vetting = VettingServices(pool: pool, pageTokenKey: key)
/// let server = GRPCServer(
///   transport: transport,
///   services: BuiltinServices.services(
///     serving: vetting.services, health: health, transport: FramedRPCServerTransport.self),
///   interceptors: vetting.interceptors
/// )
/// ```
public struct VettingServices: Sendable {
  /// `vetting.v1.Directory`.
  public let directory: DirectoryService
  /// `vetting.v1.Admin`.
  public let admin: AdminService
  /// `vetting.v1.Tokens`.
  public let tokens: TokensService
  /// `vetting.v1.Audit`.
  public let audit: AuditService
  /// Resolves bearer secrets; shared by the interceptor and the Tokens service.
  public let authenticator: TokenAuthenticator
  /// Authenticates calls and applies ``AccessPolicy``.
  public let authInterceptor: AuthInterceptor

  /// Assembles the services over `pool`.
  ///
  /// - Parameters:
  ///   - pageTokenKey: signs search page tokens; servers behind one address must share it.
  ///     `nil`: a random key, tokens valid on this instance only.
  ///   - tokenCacheLifetime: how long a successful token lookup is reused; a revoked token stops
  ///     working on other servers within this time (at once on the server that revoked it).
  ///   - rubric: the rubric version writes and re-vets score with, and `GetRubric` gives by
  ///     default (the server's `--rubric-version`).
  public init(
    pool: ConnectionPool, pageTokenKey: Data? = nil, tokenCacheLifetime: Duration = .seconds(2),
    rubric: Rubric = .current, logger: Logger = Logger(label: "vetting")
  ) {
    let directoryRepository = DirectoryRepository(pool: pool, rubric: rubric)
    let assessments = AssessmentRepository(pool: pool, rubric: rubric)
    let tokenStore = TokenStore(pool: pool)
    authenticator = TokenAuthenticator(tokens: tokenStore, cacheLifetime: tokenCacheLifetime)
    authInterceptor = AuthInterceptor(authenticator: authenticator, logger: logger)
    directory = DirectoryService(
      directory: directoryRepository, assessments: assessments,
      search: ProviderSearch(pool: pool, pageTokenKey: pageTokenKey), logger: logger)
    admin = AdminService(directory: directoryRepository, assessments: assessments, logger: logger)
    tokens = TokensService(tokens: tokenStore, authenticator: authenticator, logger: logger)
    audit = AuditService(audit: AuditRepository(pool: pool, rubric: rubric), logger: logger)
  }

  /// The services to register (add the built-ins with `BuiltinServices.services`).
  public var services: [any RegistrableRPCService] { [directory, admin, tokens, audit] }

  /// The server interceptors, in order: authentication first.
  public var interceptors: [any ServerInterceptor] { [authInterceptor] }
}
