public import GRPCCore

/// The `rpcbuiltins.v1.MethodListing` service: every service and method the server serves, with call
/// kinds and message types.
///
/// The list is taken from the same registration the server performs (each service's
/// `registerMethods(with:)` on an `RPCRouter`), so it cannot miss a method; services that conform
/// to ``MethodListable`` add their message types, others are listed with empty type names. Build
/// one with ``BuiltinServices/services(serving:health:transport:)`` or
/// ``init(listing:transport:)``; it lists itself.
public struct MethodListingService: Rpcbuiltins_V1_MethodListing.SimpleServiceProtocol {
  /// The listed services, sorted by name.
  public let services: [ListedService]

  /// Lists `services` and this listing service itself as a server on `transport` registers them.
  public init<Transport: ServerTransport>(
    listing services: [any RegistrableRPCService],
    transport: Transport.Type
  ) {
    var router = RPCRouter<Transport>()
    var described: [String: ListedMethod] = [:]
    for service in services {
      service.registerMethods(with: &router)
      if let listable = service as? any MethodListable {
        for method in type(of: listable).listedMethods {
          described[method.descriptor.fullyQualifiedMethod] = method
        }
      }
    }
    let placeholder = MethodListingService(services: [])
    placeholder.registerMethods(with: &router)
    for method in Self.listedMethods {
      described[method.descriptor.fullyQualifiedMethod] = method
    }

    var byService: [String: [ListedMethod]] = [:]
    for descriptor in router.methods {
      let method =
        described[descriptor.fullyQualifiedMethod]
        ?? ListedMethod(descriptor: descriptor, requestType: "", responseType: "")
      byService[descriptor.service.fullyQualifiedService, default: []].append(method)
    }
    self.init(
      services: byService.map { ListedService(name: $0.key, methods: $0.value) }
    )
  }

  private init(services: [ListedService]) {
    self.services = services.sorted { $0.name < $1.name }
  }

  public func listServices(
    request: Rpcbuiltins_V1_ListServicesRequest,
    context: ServerContext
  ) async throws -> Rpcbuiltins_V1_ListServicesResponse {
    var services = self.services
    if !request.service.isEmpty {
      services = services.filter { $0.name == request.service }
      guard !services.isEmpty else {
        throw RPCError(
          code: .notFound,
          message: "MethodListing: this server does not serve '\(request.service)'; call "
            + "ListServices with an empty service to see every service it serves."
        )
      }
    }
    return .with { $0.services = services.map(\.proto) }
  }
}
