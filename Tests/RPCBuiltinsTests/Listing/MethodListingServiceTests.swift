import EchoTestSupport
import GRPCCore
import GRPCInProcessTransport
import RPCBuiltins
import Testing

@Suite("MethodListingService", .timeLimit(.minutes(1)))
struct MethodListingServiceTests {
  private typealias Method = Rpcbuiltins_V1_MethodInfo

  private static func method(
    _ path: String,
    _ kind: Rpcbuiltins_V1_CallKind,
    _ request: String,
    _ response: String
  ) -> Method {
    .with {
      $0.path = path
      $0.name = String(path.split(separator: "/").last ?? "")
      $0.kind = kind
      $0.requestType = request
      $0.responseType = response
    }
  }

  @Test(
    "lists itself, health and echo with call kinds and message types",
    arguments: TestTransport.allCases)
  func listsEveryService(transport: TestTransport) async throws {
    try await TestServers.with(transport, health: HealthStatusManager()) { server in
      let response = try await server.listing.listServices(.init())
      #expect(
        response.services.map(\.name) == [
          "echo.v1.Echo", "grpc.health.v1.Health", "rpcbuiltins.v1.MethodListing",
        ]
      )
      let methods = response.services.flatMap(\.methods)
      #expect(
        methods == [
          Self.method(
            "/echo.v1.Echo/Collect", .clientStreaming, "echo.v1.EchoRequest", "echo.v1.EchoResponse"
          ),
          Self.method(
            "/echo.v1.Echo/Expand", .serverStreaming, "echo.v1.EchoRequest", "echo.v1.EchoResponse"),
          Self.method("/echo.v1.Echo/Get", .unary, "echo.v1.EchoRequest", "echo.v1.EchoResponse"),
          Self.method(
            "/echo.v1.Echo/Update", .bidiStreaming, "echo.v1.EchoRequest", "echo.v1.EchoResponse"),
          Self.method(
            "/grpc.health.v1.Health/Check", .unary,
            "grpc.health.v1.HealthCheckRequest", "grpc.health.v1.HealthCheckResponse"),
          Self.method(
            "/grpc.health.v1.Health/List", .unary,
            "grpc.health.v1.HealthListRequest", "grpc.health.v1.HealthListResponse"),
          Self.method(
            "/grpc.health.v1.Health/Watch", .serverStreaming,
            "grpc.health.v1.HealthCheckRequest", "grpc.health.v1.HealthCheckResponse"),
          Self.method(
            "/rpcbuiltins.v1.MethodListing/ListServices", .unary,
            "rpcbuiltins.v1.ListServicesRequest", "rpcbuiltins.v1.ListServicesResponse"),
        ]
      )
    }
  }

  @Test("every listed path is callable: the listing is the server's own routing table")
  func listingMatchesRouter() async throws {
    let services = BuiltinServices.services(
      serving: [EchoService(), UnlistedService()],
      health: HealthStatusManager(),
      transport: InProcessTransport.Server.self
    )
    var router = RPCRouter<InProcessTransport.Server>()
    for service in services {
      service.registerMethods(with: &router)
    }
    let listing = try #require(services.last as? MethodListingService)
    let listed = Set(listing.services.flatMap(\.methods).map(\.descriptor.fullyQualifiedMethod))
    #expect(listed == Set(router.methods.map(\.fullyQualifiedMethod)))
    #expect(listed.count == 9)
  }

  @Test("a service without generated code is listed from its descriptor, types left empty")
  func unlistedService() async throws {
    try await TestServers.with(
      .inProcess, health: HealthStatusManager(), services: [UnlistedService()]
    ) {
      server in
      let response = try await server.listing.listServices(
        .with { $0.service = "test.v1.Unlisted" })
      #expect(response.services.map(\.name) == ["test.v1.Unlisted"])
      #expect(
        response.services.first?.methods == [Self.method("/test.v1.Unlisted/Ping", .unary, "", "")])
    }
  }

  @Test("asking for a service the server does not serve is NOT_FOUND, naming it")
  func unknownService() async throws {
    try await TestServers.with(.inProcess, health: HealthStatusManager()) { server in
      let error = await #expect(throws: RPCError.self) {
        try await server.listing.listServices(.with { $0.service = "nope.v1.Nope" })
      }
      #expect(error?.code == .notFound)
      #expect(error?.message.contains("nope.v1.Nope") == true)
    }
  }
}
