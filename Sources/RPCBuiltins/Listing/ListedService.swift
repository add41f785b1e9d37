/// One service as the method listing reports it.
public struct ListedService: Sendable, Hashable {
  /// The fully qualified service name, e.g. `grpc.health.v1.Health`.
  public var name: String
  /// The service's methods, sorted by name.
  public var methods: [ListedMethod]

  /// Describes a service; `methods` are sorted by name.
  public init(name: String, methods: [ListedMethod]) {
    self.name = name
    self.methods = methods.sorted { $0.descriptor.method < $1.descriptor.method }
  }

  var proto: Rpcbuiltins_V1_ServiceInfo {
    .with { info in
      info.name = self.name
      info.methods = self.methods.map(\.proto)
    }
  }
}
