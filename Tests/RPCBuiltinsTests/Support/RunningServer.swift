import EchoTestSupport
import GRPCCore
import RPCBuiltins

/// A server with the built-in services and the echo service, as a test sees it: clients of each
/// service over one connection, and a way to shut the server down the way the executable will.
struct RunningServer: Sendable {
  var transport: TestTransport
  var health: any Grpc_Health_V1_Health.ClientProtocol
  var listing: any Rpcbuiltins_V1_MethodListing.ClientProtocol
  var echo: any Echo_V1_Echo.ClientProtocol
  /// The loopback port, for transports that have one.
  var port: Int?
  /// Flips health to NOT_SERVING, waits the delay, then begins the server's graceful shutdown.
  var beginShutdown: @Sendable (Duration) async -> Void
}
