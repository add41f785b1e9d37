public import GRPCCore
public import LibPQ
public import Logging

/// The vetting services the server hosts, built once the pool exists, with the interceptors
/// they need (authentication). The built-ins (health, method listing) are added by the server.
public struct ApplicationServices: Sendable {
  /// The services to serve.
  public var services: [any RegistrableRPCService]
  /// Interceptors applied to every call after the server's own (metrics, availability).
  public var interceptors: [any ServerInterceptor]

  public init(
    services: [any RegistrableRPCService],
    interceptors: [any ServerInterceptor] = []
  ) {
    self.services = services
    self.interceptors = interceptors
  }

  /// Builds the services over a pool.
  public typealias Factory = @Sendable (ConnectionPool, Logger) -> ApplicationServices
}
