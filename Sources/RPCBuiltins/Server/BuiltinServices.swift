public import GRPCCore

/// The services every ProviderVetting server offers besides its own: health and the method
/// listing.
public enum BuiltinServices {
  /// `services` followed by the health service over `health` and a method listing of them all.
  ///
  /// Every service registered (the built-ins included) that has no status yet is marked
  /// ``ServingStatus/serving`` in `health`, so Check answers for each by name; statuses already
  /// set (e.g. NOT_SERVING because the database is down) are kept. Call it once per transport
  /// when the same services are served over several (FramedRPC and HTTP/2): the listing is the
  /// same and the health statuses are shared.
  ///
  /// ```swift
  /// let health = HealthStatusManager()
  /// let server = GRPCServer(
  ///   transport: transport,
  ///   services: BuiltinServices.services(serving: [directory], health: health, transport: T.self)
  /// )
  /// ```
  public static func services<Transport: ServerTransport>(
    serving services: [any RegistrableRPCService],
    health: HealthStatusManager,
    transport: Transport.Type
  ) -> [any RegistrableRPCService] {
    let withHealth = services + [HealthService(manager: health)]
    let listing = MethodListingService(listing: withHealth, transport: transport)
    health.setStatusIfUnknown(.serving, forServices: listing.services.map(\.name))
    return withHealth + [listing]
  }
}
