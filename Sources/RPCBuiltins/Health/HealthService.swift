public import GRPCCore

/// The standard `grpc.health.v1.Health` service over a ``HealthStatusManager``.
///
/// Check answers the status of one service (`""` for the whole server) or NOT_FOUND; List answers
/// every known status; Watch sends the current status at once and then every change, sending
/// SERVICE_UNKNOWN (without ending the call) for a service nobody has set, and ends after
/// NOT_SERVING once shutdown has begun.
public struct HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
  /// The most statuses List returns, as the standard protocol says.
  public static let maxListedStatuses = 100

  /// The statuses this service reports.
  public let manager: HealthStatusManager

  /// Creates the service reporting `manager`'s statuses.
  public init(manager: HealthStatusManager) {
    self.manager = manager
  }

  public func check(
    request: Grpc_Health_V1_HealthCheckRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthCheckResponse {
    guard let status = self.manager.status(forService: request.service) else {
      throw RPCError(
        code: .notFound,
        message: "Health: no status for service '\(request.service)'; ask for a fully qualified "
          + "service name this server serves (e.g. 'grpc.health.v1.Health') or '' for the server."
      )
    }
    return .with { $0.status = status.proto }
  }

  public func list(
    request: Grpc_Health_V1_HealthListRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthListResponse {
    let statuses = self.manager.statuses
    guard statuses.count <= Self.maxListedStatuses else {
      throw RPCError(
        code: .resourceExhausted,
        message: "Health: \(statuses.count) services have a status, more than the "
          + "\(Self.maxListedStatuses) List may return; use Check or Watch per service."
      )
    }
    return .with { response in
      response.statuses = statuses.mapValues { status in .with { $0.status = status.proto } }
    }
  }

  public func watch(
    request: Grpc_Health_V1_HealthCheckRequest,
    response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
    context: ServerContext
  ) async throws {
    // GRPCCore signals a cancelled RPC (the client went away, the deadline passed) through the
    // RPC cancellation handler, not by cancelling this task: stop watching then, or the call
    // would hold the server's graceful shutdown open forever.
    let (updates, stop) = self.manager.observe(service: request.service)
    try await withRPCCancellationHandler {
      for await observation in updates {
        let status: Grpc_Health_V1_HealthCheckResponse.ServingStatus
        switch observation {
        case .known(let known): status = known.proto
        case .unknown: status = .serviceUnknown
        }
        try await response.write(.with { $0.status = status })
      }
    } onCancelRPC: {
      stop()
    }
  }
}
